package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How an item's requirements relax while it waits, in steps like bullseye rings (named policy): after
 * each step's delay its optional skills are dropped, a lower proficiency is accepted, or the item
 * overflows to the agents of its overflow queues. The steps add up.
 *
 * @param steps the steps, each from its delay on
 */
public record Relaxation(List<Step> steps) {

    /**
     * One ring.
     *
     * @param after how long the item must have waited
     * @param dropOptional drop the optional skills
     * @param levelDrop accept this much lower a proficiency (never below 1)
     * @param overflow let the overflow queues' agents take it
     */
    public record Step(Duration after, boolean dropOptional, int levelDrop, boolean overflow) {
        public Step {
            if (after.isNegative() || levelDrop < 0 || levelDrop > 4) {
                throw new IllegalArgumentException("a step is after a delay >= 0 and drops 0 to 4 levels");
            }
        }
    }

    /**
     * What an item needs now.
     *
     * @param requirements the requirements in force
     * @param queues the queues whose agents may take it
     * @param ring how many steps have applied (0: none)
     */
    public record Relaxed(List<SkillRequirement> requirements, Set<String> queues, int ring) {
    }

    /** Optional skills dropped after 30 s, one level less after 60 s, overflow after 120 s. */
    public static final Relaxation DEFAULT = new Relaxation(List.of(
            new Step(Duration.ofSeconds(30), true, 0, false),
            new Step(Duration.ofSeconds(60), false, 1, false),
            new Step(Duration.ofSeconds(120), false, 0, true)));

    /** No relaxation: an item waits for exactly what it asked for. */
    public static final Relaxation NONE = new Relaxation(List.of());

    public Relaxation {
        steps = steps.stream().sorted(Comparator.comparing(Step::after)).toList();
    }

    /** How many steps apply to an item now; what it needs depends on nothing else (see {@link #at}). */
    public int ring(ContactItem item, Instant now) {
        long waited = Duration.between(item.arrivedAt(), now).toMillis();
        int ring = 0;
        for (Step s : steps) {
            if (waited >= s.after().toMillis()) {
                ring++;
            }
        }
        return ring;
    }

    public Relaxed at(ContactItem item, Instant now) {
        Duration waited = Duration.between(item.arrivedAt(), now);
        boolean drop = false;
        int levelDrop = 0;
        boolean overflow = false;
        int ring = 0;
        for (Step s : steps) {
            if (waited.compareTo(s.after()) >= 0) {
                ring++;
                drop |= s.dropOptional();
                levelDrop = Math.max(levelDrop, s.levelDrop());
                overflow |= s.overflow();
            }
        }
        List<SkillRequirement> in = new ArrayList<>();
        for (SkillRequirement r : item.requirements()) {
            if (drop && r.optional()) {
                continue;
            }
            in.add(new SkillRequirement(r.skill(), Math.max(1, r.level() - levelDrop), r.optional()));
        }
        Set<String> queues = new HashSet<>();
        queues.add(item.queue());
        if (overflow) {
            queues.addAll(item.overflowQueues());
        }
        return new Relaxed(in, queues, ring);
    }
}
