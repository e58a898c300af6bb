package org.fuwu.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link SelectionPolicy} decided for one call: the chosen item (or none), every item it overtakes,
 * why, and the policy state to keep for the next call.
 *
 * @param serverId   the server that calls
 * @param at         when the decision was made
 * @param chosen     the chosen item, or null when nothing eligible waits for this server
 * @param overtaken  the items this server could take that are earlier than {@code chosen} in the first-come
 *                   order, as they were before this call (so their overtake count after this call is one more)
 * @param reason     why the chosen item was called
 * @param boundItem  the label of the item whose fairness bound decided the call, or null
 * @param fairness   the fairness bound in force
 * @param nextState  the policy state to pass into the next call
 */
public record Decision(String serverId, Instant at, WaitingItem chosen, List<WaitingItem> overtaken, Reason reason,
                       String boundItem, FairnessBound fairness, RoutingState nextState) {

    /** Why an item was called. The message key is {@code routing.reason.<key>}. */
    public enum Reason {
        /** Nothing eligible waits for this server. */
        NONE_WAITING("none-waiting", "nobody waiting"),
        /** The first in first-come order among what this server serves: nobody overtaken. */
        FIRST_COME("first-come", "first come"),
        /** Priority by law (elderly, disabled, pregnant). */
        PREFERENTIAL("preferential", "preferential"),
        /** VIP priority. */
        VIP("vip", "VIP"),
        /** The counter's preferred service (service matrix tier). */
        QUEUE_PREFERENCE("queue-preference", "preferred service of the counter"),
        /** The turn of this class in the weighted round robin. */
        ROUND_ROBIN("round-robin", "round robin"),
        /** Highest score of class boost plus time waited. */
        AGEING("ageing", "waited longest with boost"),
        /** The fairness bound of an ordinary customer forced first-come order. */
        FAIRNESS_BOUND("fairness-bound", "fairness bound");

        private final String key;
        private final String english;

        Reason(String key, String english) {
            this.key = key;
            this.english = english;
        }

        /** The message key, e.g. {@code routing.reason.vip}. */
        public String messageKey() {
            return "routing.reason." + key;
        }

        /** The English text. */
        public String english() {
            return english;
        }
    }

    /**
     * The explanation as structured parts, for a UI to localise with
     * {@link #messageKey()} and {@link #arguments()}, where the reason is first resolved from
     * {@link Reason#messageKey()}; {@link #render()} gives the English text.
     *
     * @param reason    why
     * @param chosen    label of the chosen item, or the server id when none was chosen
     * @param overtaken labels of the overtaken items, in first-come order
     * @param boundItem label of the item whose bound decided, or null
     * @param overtakes the highest overtake count, after this call, among the protected items overtaken (0 if none)
     * @param bound     K of the fairness bound
     */
    public record Explanation(Reason reason, String chosen, List<String> overtaken, String boundItem,
                              int overtakes, int bound) {

        public Explanation {
            overtaken = List.copyOf(overtaken);
        }

        /** The message key of the whole sentence. */
        public String messageKey() {
            if (reason == Reason.NONE_WAITING) {
                return "routing.explanation.none";
            }
            if (overtaken.isEmpty()) {
                return "routing.explanation.called";
            }
            return overtakes > 0 ? "routing.explanation.overtook" : "routing.explanation.overtook-priority";
        }

        /**
         * The message arguments: {0} chosen, {1} overtaken labels joined by ", ", {2} overtakes, {3} bound,
         * {4} bound item (or empty). A UI first resolves {@link Reason#messageKey()} with these arguments, then
         * {@link #messageKey()} with these arguments plus the resolved reason as {5}.
         */
        public Object[] arguments() {
            return new Object[] {chosen, String.join(", ", overtaken), overtakes, bound, boundItem == null ? "" : boundItem};
        }

        /** English, e.g. "A012 called before A007: VIP, overtakes 2 of 3". */
        public String render() {
            String why = reason.english() + (boundItem != null ? " of " + boundItem : "");
            if (reason == Reason.NONE_WAITING) {
                return "nobody waiting for " + chosen;
            }
            if (overtaken.isEmpty()) {
                return chosen + " called: " + why;
            }
            String text = chosen + " called before " + String.join(", ", overtaken) + ": " + why;
            return overtakes > 0 ? text + ", overtakes " + overtakes + " of " + bound : text;
        }

        @Override
        public String toString() {
            return render();
        }
    }

    public Decision {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fairness, "fairness");
        Objects.requireNonNull(nextState, "nextState");
        overtaken = List.copyOf(overtaken);
    }

    /** The chosen item, if any. */
    public Optional<WaitingItem> chosenItem() {
        return Optional.ofNullable(chosen);
    }

    /** The structured explanation. */
    public Explanation explanation() {
        int highest = overtaken.stream().filter(WaitingItem::fairnessProtected)
                .mapToInt(item -> item.overtakes() + 1).max().orElse(0);
        return new Explanation(reason, chosen == null ? serverId : chosen.label(),
                overtaken.stream().map(WaitingItem::label).toList(), boundItem, highest, fairness.maxOvertakes());
    }

    /** The explanation in English, e.g. "A012 called before A007: VIP, overtakes 2 of 3". */
    public String explain() {
        return explanation().render();
    }

    /**
     * The waiting items after this decision is carried out: the chosen item removed, and each overtaken
     * item with one more overtake (recorded at {@link #at()}). Items are matched by id; order is kept.
     */
    public List<WaitingItem> apply(List<WaitingItem> waiting) {
        Set<String> overtakenIds = overtaken.stream().map(WaitingItem::id).collect(Collectors.toCollection(HashSet::new));
        List<WaitingItem> result = new ArrayList<>(waiting.size());
        for (WaitingItem item : waiting) {
            if (chosen != null && item.id().equals(chosen.id())) {
                continue;
            }
            result.add(overtakenIds.contains(item.id()) ? item.overtakenAt(at) : item);
        }
        return result;
    }
}
