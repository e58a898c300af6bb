package org.fuwu.customer.internal;

import org.fuwu.customer.IdentityKind;

/** One identity in clear, given once to a staff member who stated a reason; the giving is audited. */
public record UnmaskedIdentity(long id, IdentityKind kind, String value) {
}
