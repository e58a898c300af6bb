package org.fuwu.queueing.web;

/** An anonymous client took more tickets than its rate limit allows (429). */
class TooManyTicketsException extends RuntimeException {

    TooManyTicketsException() {
        super("ticket rate limit reached");
    }
}
