package org.fuwu.customer.internal;

import java.time.Instant;

/** One change of a customer's consent: granted or withdrawn, through which channel, by whom, when. */
public record ConsentRecord(long id, long customerId, ConsentType type, boolean granted, Channel channel, String actor,
                            Instant at) {

    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC);

    /** The time in UTC to the minute, for pages. */
    public String atUtc() {
        return MINUTES.format(at);
    }
}
