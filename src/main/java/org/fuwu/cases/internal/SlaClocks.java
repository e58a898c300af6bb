package org.fuwu.cases.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fuwu.platform.BusinessCalendar;

/**
 * The clocks an escalation can watch on a case (named policy, plain Java), computed from the case's facts, never
 * stored (D24):
 * <ul>
 *   <li>{@code FIRST_RESPONSE} ({@link SlaPolicy#FIRST_RESPONSE}): the policy's first-response target from receipt,
 *       stopped by the acknowledgement;</li>
 *   <li>{@code NEXT_UPDATE} ({@link SlaPolicy#NEXT_UPDATE}): the policy's next-update target from the last update to
 *       the customer ({@link #UPDATES}: the acknowledgement, and every timeline step that tells the customer), so it
 *       restarts at each; it runs once the case is acknowledged and stops with the decision or the closure;</li>
 *   <li>{@code RESOLUTION} ({@link SlaPolicy#RESOLUTION}): the policy's resolution target from receipt, stopped by
 *       the closure;</li>
 *   <li>{@code LEGAL}: the legal decision clock of a complaint exactly as {@link CaseClocks} gives it, stopped by the
 *       decision.</li>
 * </ul>
 * The SLA clocks count on the business calendar of the case's region (or the default one), the legal clock on the
 * default calendar as before; pauses stop all of them.
 */
public final class SlaClocks {

    private SlaClocks() {
    }

    /** The timeline kinds that count as an update to the customer (each restarts the next-update clock). */
    public static final Set<String> UPDATES = Set.of("ACKNOWLEDGED", "CUSTOMER_NOTIFIED", "CUSTOMER_UPDATED");

    /** What the clocks are computed from. */
    public record Facts(String type, String status, Instant receivedAt, Instant acknowledgedAt, Instant decidedAt,
                        Instant closedAt, String ruleSet, String complexity, List<Instant> updates,
                        List<CaseClock.Pause> pauses) {
    }

    /**
     * A clock to watch: its key (FIRST_RESPONSE, …), the clock, when it was stopped (or null), and its cycle, which
     * names one run of it (the clock's name; for the next-update clock also its start).
     */
    public record Watched(String key, CaseClock clock, Instant stoppedAt, String cycle) {
    }

    public static List<Watched> of(Facts f, SlaPolicy policy, ZoneId zone, BusinessCalendar slaCalendar,
                                   BusinessCalendar legalCalendar) {
        LocalTime ws = LocalTime.of(9, 0);
        LocalTime we = LocalTime.of(17, 0);
        List<Watched> out = new ArrayList<>();
        if (policy != null) {
            out.add(new Watched("FIRST_RESPONSE", new CaseClock(named(policy.firstResponse(), SlaPolicy.FIRST_RESPONSE),
                    f.receivedAt(), zone, slaCalendar, ws, we, f.pauses()), f.acknowledgedAt(), SlaPolicy.FIRST_RESPONSE));
            Instant end = first(f.decidedAt(), f.closedAt());
            Instant last = f.updates().stream().filter(u -> end == null || !u.isAfter(end)).max(Instant::compareTo).orElse(null);
            if (last != null) {
                out.add(new Watched("NEXT_UPDATE", new CaseClock(named(policy.nextUpdate(), SlaPolicy.NEXT_UPDATE), last, zone,
                        slaCalendar, ws, we, f.pauses()), end, SlaPolicy.NEXT_UPDATE + "@" + last.toEpochMilli()));
            }
            out.add(new Watched("RESOLUTION", new CaseClock(named(policy.resolution(), SlaPolicy.RESOLUTION), f.receivedAt(),
                    zone, slaCalendar, ws, we, f.pauses()), f.closedAt(), SlaPolicy.RESOLUTION));
        }
        for (CaseClocks.Running run : CaseClocks.of(f.type(), f.ruleSet(), f.complexity())) {
            if (run.stoppedBy().equals("DECIDED")) {
                out.add(new Watched("LEGAL", new CaseClock(run.rule(), f.receivedAt(), zone, legalCalendar, ws, we, f.pauses()),
                        f.decidedAt(), run.rule().name()));
            }
        }
        return out;
    }

    private static ClockRule named(ClockRule r, String name) {
        return new ClockRule(name, r.amount(), r.unit());
    }

    private static Instant first(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
