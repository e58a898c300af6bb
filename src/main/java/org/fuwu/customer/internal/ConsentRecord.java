package org.fuwu.customer.internal;

import java.time.Instant;

/** One change of a customer's consent: granted or withdrawn, through which channel, by whom, when. */
public record ConsentRecord(long id, long customerId, ConsentType type, boolean granted, Channel channel, String actor,
                            Instant at) {
}
