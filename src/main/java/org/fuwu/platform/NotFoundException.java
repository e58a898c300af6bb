package org.fuwu.platform;

/** An id or code that names nothing. Answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String entity;
    private final String key;

    public NotFoundException(String entity, Object key) {
        super(entity + " not found: " + key);
        this.entity = entity;
        this.key = String.valueOf(key);
    }

    public String entity() {
        return entity;
    }

    public String key() {
        return key;
    }
}
