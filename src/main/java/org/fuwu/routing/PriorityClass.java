package org.fuwu.routing;

/**
 * The priority class of a waiting customer.
 *
 * <ul>
 *   <li>{@link #ORDINARY}: a walk-in without priority. Protected by the {@link FairnessBound}.</li>
 *   <li>{@link #PREFERENTIAL}: elderly, disabled or pregnant; priority by law. Highest rank.</li>
 *   <li>{@link #VIP}: a VIP, with a level 1..3 kept in {@link WaitingItem#vipLevel()} (3 is highest).</li>
 *   <li>{@link #APPOINTMENT}: a booked customer. Ranks like an ordinary customer, but its place in the
 *       first-come order is its booked time (see {@link WaitingItem#orderTime()}), so it reaches a counter
 *       near that time. Protected by the {@link FairnessBound} like an ordinary customer.</li>
 * </ul>
 */
public enum PriorityClass {
    ORDINARY(0, true),
    APPOINTMENT(0, true),
    VIP(1, false),
    PREFERENTIAL(2, false);

    private final int rank;
    private final boolean fairnessProtected;

    PriorityClass(int rank, boolean fairnessProtected) {
        this.rank = rank;
        this.fairnessProtected = fairnessProtected;
    }

    /** The rank under strict priority: higher is called first (PREFERENTIAL 2, VIP 1, others 0). */
    public int rank() {
        return rank;
    }

    /** Whether customers of this class are protected by the fairness bound (ordinary and appointment). */
    public boolean fairnessProtected() {
        return fairnessProtected;
    }
}
