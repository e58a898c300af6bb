package org.fuwu.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A customer (ticket, call, chat) waiting to be served. Immutable; a change gives a new item.
 *
 * @param id               unique among the items passed to one call (e.g. the ticket id)
 * @param label            what humans see, e.g. the ticket number {@code A012}
 * @param queue            the queue (service type) code the item waits in
 * @param priorityClass    its priority class
 * @param vipLevel         1..3 for {@link PriorityClass#VIP} (3 highest), 0 otherwise
 * @param arrival          the original arrival time, kept on transfer
 * @param sequence         tie-breaker of the first-come order (e.g. the issue sequence); lower is earlier
 * @param overtakes        how often later items were called before it so far
 * @param firstOvertakenAt when it was overtaken the first time, or null if never
 * @param dueTime          the time it ranks from in the first-come order when that is not its arrival: the booked
 *                         time of an appointment, or the place given on a transfer; null otherwise
 */
public record WaitingItem(String id, String label, String queue, PriorityClass priorityClass, int vipLevel,
                          Instant arrival, long sequence, int overtakes, Instant firstOvertakenAt, Instant dueTime) {

    /**
     * The first-come order: by {@link #orderTime()}, then {@link #sequence()}, then {@link #id()}.
     * "Item a overtakes item b" means a is called while b, earlier in this order, waits for the same server.
     */
    public static final Comparator<WaitingItem> FIRST_COME_ORDER = Comparator.comparing(WaitingItem::orderTime)
            .thenComparingLong(WaitingItem::sequence)
            .thenComparing(WaitingItem::id);

    public WaitingItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(priorityClass, "priorityClass");
        Objects.requireNonNull(arrival, "arrival");
        label = label == null ? id : label;
        if (priorityClass == PriorityClass.VIP) {
            if (vipLevel < 1 || vipLevel > 3) {
                throw new IllegalArgumentException("vipLevel must be 1..3 for a VIP: " + vipLevel);
            }
        } else {
            vipLevel = 0;
        }
        if (overtakes < 0) {
            throw new IllegalArgumentException("overtakes must be >= 0: " + overtakes);
        }
        if (overtakes == 0) {
            firstOvertakenAt = null;
        } else if (firstOvertakenAt == null) {
            throw new IllegalArgumentException("firstOvertakenAt is required once overtaken");
        }
        if (priorityClass == PriorityClass.APPOINTMENT && dueTime == null) {
            throw new IllegalArgumentException("an appointment needs its dueTime");
        }
    }

    /** A walk-in item, never overtaken, without a booked time. */
    public static WaitingItem of(String id, String queue, PriorityClass priorityClass, int vipLevel,
                                 Instant arrival, long sequence) {
        return new WaitingItem(id, id, queue, priorityClass, vipLevel, arrival, sequence, 0, null, null);
    }

    /** An appointment item booked for {@code dueTime}, arrived (checked in) at {@code arrival}. */
    public static WaitingItem appointment(String id, String queue, Instant arrival, Instant dueTime, long sequence) {
        return new WaitingItem(id, id, queue, PriorityClass.APPOINTMENT, 0, arrival, sequence, 0, null, dueTime);
    }

    /**
     * Its time in the first-come order: {@link #dueTime()} when set (an appointment ranks as if it had arrived
     * at its booked time), the arrival time otherwise. To have a booked customer reach the counter at the booked
     * time in a busy lobby, pass the booked time minus the current wait estimate as its due time.
     */
    public Instant orderTime() {
        return dueTime != null ? dueTime : arrival;
    }

    /** How long it has waited at {@code now}, counted from {@link #orderTime()}; negative before a booked time. */
    public Duration waitedAt(Instant now) {
        return Duration.between(orderTime(), now);
    }

    /** Whether the {@link FairnessBound} protects it (ordinary and appointment customers). */
    public boolean fairnessProtected() {
        return priorityClass.fairnessProtected();
    }

    /** This item after one more overtake at {@code now}. */
    public WaitingItem overtakenAt(Instant now) {
        return new WaitingItem(id, label, queue, priorityClass, vipLevel, arrival, sequence, overtakes + 1,
                firstOvertakenAt == null ? now : firstOvertakenAt, dueTime);
    }

    /** This item in another class (a lobby manager's override); its overtake history is kept. */
    public WaitingItem withPriority(PriorityClass newClass, int newVipLevel) {
        return new WaitingItem(id, label, queue, newClass, newVipLevel, arrival, sequence, overtakes,
                firstOvertakenAt, dueTime);
    }

    /**
     * This item transferred to another queue, ranking from {@code ranksFrom}: its original arrival is kept
     * (for statistics), its place in the first-come order becomes {@code ranksFrom} (its original
     * {@link #orderTime()} to keep its place, the transfer time to go to the back, or a time before the
     * first waiting item to go to the front). Its overtake history starts afresh: it has been served once.
     * An appointment becomes an ordinary item (its booking was honoured).
     */
    public WaitingItem transferredTo(String newQueue, Instant ranksFrom) {
        Objects.requireNonNull(ranksFrom, "ranksFrom");
        PriorityClass newClass = priorityClass == PriorityClass.APPOINTMENT ? PriorityClass.ORDINARY : priorityClass;
        return new WaitingItem(id, label, newQueue, newClass, vipLevel, arrival, sequence, 0, null,
                ranksFrom.equals(arrival) ? null : ranksFrom);
    }

    /** This item with a human label (e.g. the ticket number). */
    public WaitingItem withLabel(String newLabel) {
        return new WaitingItem(id, newLabel, queue, priorityClass, vipLevel, arrival, sequence, overtakes,
                firstOvertakenAt, dueTime);
    }
}
