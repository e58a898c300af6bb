package org.fuwu.customer.internal;

import java.time.Instant;

import org.fuwu.customer.IdentityKind;

/** One identity of a customer as staff see it by default: masked. */
public record IdentityView(long id, IdentityKind kind, String masked, boolean verified, Channel channel, Instant createdAt) {
}
