package org.fuwu.contact.web;

/** An anonymous client started more chats than its window allows (429). */
class TooManyChatsException extends RuntimeException {

    TooManyChatsException() {
        super("too many chats started from one client", null, false, false);
    }
}
