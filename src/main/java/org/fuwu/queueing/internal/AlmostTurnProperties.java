package org.fuwu.queueing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the "almost your turn" SMS ({@code fuwu.queueing.almost-turn.*}); see {@link AlmostYourTurnPolicy}.
 *
 * @param enabled whether tickets are evaluated and texted at all; default true (the number field stays offered)
 * @param peopleAhead default 2
 * @param minutes default 5
 */
@ConfigurationProperties("fuwu.queueing.almost-turn")
public record AlmostTurnProperties(Boolean enabled, Integer peopleAhead, Integer minutes) {

    public AlmostTurnProperties {
        enabled = enabled == null || enabled;
        peopleAhead = peopleAhead == null ? 2 : peopleAhead;
        minutes = minutes == null ? 5 : minutes;
        new AlmostYourTurnPolicy(peopleAhead, minutes); // fails the start on bad values
    }

    public AlmostYourTurnPolicy policy() {
        return new AlmostYourTurnPolicy(peopleAhead, minutes);
    }
}
