package org.fuwu.contact.channel;

/** A webhook request without a valid signature (401). */
class BadSignatureException extends RuntimeException {

    BadSignatureException() {
        super("bad webhook signature", null, false, false);
    }
}
