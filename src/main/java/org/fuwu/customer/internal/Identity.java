package org.fuwu.customer.internal;

import java.time.Instant;

import org.fuwu.customer.IdentityKind;

/**
 * One identity of a customer as stored: the value encrypted, and its blind index.
 *
 * @param valueEnc the normalised value, encrypted with {@code PersonalData.encrypt}
 * @param valueIndex the blind index of the normalised value
 */
public record Identity(long id, long customerId, IdentityKind kind, String valueEnc, String valueIndex, boolean verified,
                       Channel channel, Instant createdAt) {
}
