package org.fuwu.platform;

/** A request that the current state does not allow, such as a duplicate code. Answered with 409. */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    /**
     * @param messageKey a key of the message bundles, which gives the localised detail
     * @param args the arguments of that message
     */
    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
