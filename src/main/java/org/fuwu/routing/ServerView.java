package org.fuwu.routing;

import java.util.Map;
import java.util.Objects;

/**
 * A server (a counter, an agent) as routing sees it: the queues it serves, each with a preference tier
 * (its row of the service matrix). Tier 1 is its primary work; a server calls from a higher tier only
 * when nothing eligible waits in a lower one. All queues in tier 1 means "no preference".
 * The fairness bound applies across all tiers.
 *
 * @param id              the server's code, e.g. counter {@code C03}
 * @param queuePreference queue code to preference tier (1 = most preferred); not empty
 */
public record ServerView(String id, Map<String, Integer> queuePreference) {

    public ServerView {
        Objects.requireNonNull(id, "id");
        queuePreference = Map.copyOf(queuePreference);
        if (queuePreference.isEmpty()) {
            throw new IllegalArgumentException("a server serves at least one queue");
        }
        queuePreference.forEach((queue, tier) -> {
            if (tier == null || tier < 1) {
                throw new IllegalArgumentException("preference tier must be >= 1 for queue " + queue);
            }
        });
    }

    /** A server that serves the given queues without preference. */
    public static ServerView serving(String id, String... queues) {
        Map<String, Integer> preference = new java.util.HashMap<>();
        for (String queue : queues) {
            preference.put(queue, 1);
        }
        return new ServerView(id, preference);
    }

    /** Whether this server may take items of {@code queue}. */
    public boolean serves(String queue) {
        return queuePreference.containsKey(queue);
    }

    /** The preference tier of {@code queue} (1 = most preferred); only for a queue it serves. */
    public int tierOf(String queue) {
        Integer tier = queuePreference.get(queue);
        if (tier == null) {
            throw new IllegalArgumentException("server " + id + " does not serve " + queue);
        }
        return tier;
    }
}
