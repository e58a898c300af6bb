package org.fuwu.queueing.internal;

/**
 * A wait estimate as customers read it: whole minutes, rounded up, and which text says it ("no wait
 * expected", "about 6 min" when P50 and P90 round to the same minute, "5-8 min"). The kiosk, the
 * printed ticket, the status page, the remote page and the ticket's live stream all say it this way.
 */
public record EstimateMinutes(long p50, long p90) {

    public static EstimateMinutes of(WaitEstimate e) {
        return new EstimateMinutes(minutes(e.p50Seconds()), minutes(e.p90Seconds()));
    }

    /** Seconds as whole minutes, rounded up. */
    public static long minutes(long seconds) {
        return (seconds + 59) / 60;
    }

    /** The message key of the text. */
    public String messageKey() {
        return p90 == 0 ? "queueing.estimate.none" : p50 == p90 ? "queueing.estimate.about" : "queueing.estimate.range";
    }

    /** The arguments of that message. */
    public Object[] messageArgs() {
        return p90 == 0 ? new Object[0] : p50 == p90 ? new Object[] {p50} : new Object[] {p50, p90};
    }
}
