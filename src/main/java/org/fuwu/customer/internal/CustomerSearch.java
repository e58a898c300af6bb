package org.fuwu.customer.internal;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.Segment;

/**
 * What to search customers by; every given criterion must hold. The identity is the exact value,
 * matched through the blind index.
 *
 * @param name part of the name, case-insensitive
 * @param customerNumber the customer number, exact (case-insensitive)
 * @param segment the segment
 * @param status the status
 * @param identityKind the kind of {@code identityValue}
 * @param identityValue the raw identity value
 */
public record CustomerSearch(String name, String customerNumber, Segment segment, CustomerStatus status,
                             IdentityKind identityKind, String identityValue) {

    public static CustomerSearch all() {
        return new CustomerSearch(null, null, null, null, null, null);
    }
}
