package org.fuwu.cases.internal;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * How long closed case files are kept (named policy, plain Java): at least the legal minimum of 3 years after
 * closure (CBIRC 2020 No. 3; FCA DISP 1.9 and the CFPB likewise keep complaint records 3 years), longer when
 * configured, never shorter (a shorter setting refuses to start). A case is due for anonymisation when it was
 * closed at least that long ago (counted in calendar years of the bank's zone), and not yet anonymised.
 */
public final class RetentionPolicy {

    public static final Period LEGAL_MINIMUM = Period.ofYears(3);

    private final Period keep;
    private final ZoneId zone;

    public RetentionPolicy(Period keep, ZoneId zone) {
        if (keep == null || keep.isNegative() || shorter(keep, LEGAL_MINIMUM)) {
            throw new IllegalArgumentException("fuwu.cases.retention.keep must be at least the legal minimum of "
                    + LEGAL_MINIMUM + ", was " + keep);
        }
        this.keep = keep;
        this.zone = zone;
    }

    private static boolean shorter(Period a, Period b) {
        return a.toTotalMonths() * 31 + a.getDays() < b.toTotalMonths() * 31 + b.getDays();
    }

    public Period keep() {
        return keep;
    }

    /** Cases closed before this instant are due at {@code now}. */
    public Instant closedBefore(Instant now) {
        return now.atZone(zone).minus(keep).toInstant();
    }

    /** Whether a case closed at {@code closedAt} (null: not closed) is due for anonymisation at {@code now}. */
    public boolean due(Instant closedAt, Instant now) {
        return closedAt != null && !closedAt.isAfter(closedBefore(now));
    }
}
