package org.fuwu.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * An agent as routing sees them at one moment.
 *
 * @param id the agent's id
 * @param name the name for explanations, such as 李娜
 * @param presence the presence
 * @param queues the queues the agent serves
 * @param skills the agent's skills with proficiency 1 to 5
 * @param load how many items of each medium the agent has now (offered or being handled)
 * @param idleSince when the agent last became free (for "longest idle"), or null
 * @param capacity the agent's own capacity per medium, overriding {@link AgentCapacity}'s for the media it names
 */
public record AgentView(String id, String name, Presence presence, Set<String> queues, Map<String, Integer> skills,
                        Map<Media, Integer> load, Instant idleSince, Map<Media, Integer> capacity) {

    public AgentView {
        queues = Set.copyOf(queues);
        skills = Map.copyOf(skills);
        load = Map.copyOf(load);
        capacity = Map.copyOf(capacity);
    }

    /** An agent with the default capacity. */
    public AgentView(String id, String name, Presence presence, Set<String> queues, Map<String, Integer> skills,
                     Map<Media, Integer> load, Instant idleSince) {
        this(id, name, presence, queues, skills, load, idleSince, Map.of());
    }

    public int load(Media m) {
        return load.getOrDefault(m, 0);
    }

    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** The same agent with one more item of a medium. */
    AgentView plus(Media m) {
        java.util.Map<Media, Integer> more = new java.util.EnumMap<>(Media.class);
        more.putAll(load);
        more.merge(m, 1, Integer::sum);
        return new AgentView(id, name, presence == Presence.AVAILABLE ? Presence.BUSY : presence, queues, skills,
                more, idleSince, capacity);
    }
}
