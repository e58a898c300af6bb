package org.fuwu.customer.internal;

import org.fuwu.platform.ConflictException;

/** An identity value already links to another customer (409). Names the field, never the value. */
public class IdentityTakenException extends ConflictException {

    private final String field;

    public IdentityTakenException(String field, String otherCustomerNumber) {
        super("customer.conflict.identity", field, otherCustomerNumber);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
