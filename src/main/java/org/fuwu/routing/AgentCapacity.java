package org.fuwu.routing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * How much an agent takes at once (named policy): a capacity per medium (e.g. voice 1, chat 3, e-mail
 * 5), and exclusive media: an agent with an exclusive item in hand (a call) is offered nothing else, and
 * an exclusive item goes only to an agent with nothing else in hand ("no chat offer during a call").
 *
 * @param perMedium the most items of each medium at once; a medium not named is never offered
 * @param exclusive the media that exclude every other
 */
public record AgentCapacity(Map<Media, Integer> perMedium, Set<Media> exclusive) {

    /** Voice 1 and exclusive; chat 3; e-mail 5; SMS 5; WeChat 3; tasks 5. */
    public static final AgentCapacity DEFAULT = new AgentCapacity(Map.of(Media.VOICE, 1, Media.CHAT, 3,
            Media.EMAIL, 5, Media.SMS, 5, Media.WECHAT, 3, Media.TASK, 5), Set.of(Media.VOICE));

    public AgentCapacity {
        perMedium = Map.copyOf(new EnumMap<>(perMedium));
        exclusive = Set.copyOf(exclusive);
        perMedium.forEach((m, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("capacity of " + m + " is " + n);
            }
        });
    }

    private static final Media[] MEDIA = Media.values();

    public int of(Media m) {
        return perMedium.getOrDefault(m, 0);
    }

    /** An agent's capacity for a medium: their own when they have one, else this policy's. */
    public int of(AgentView agent, Media m) {
        Integer own = agent.capacity().get(m);
        return own != null ? own : of(m);
    }

    /** Whether the agent may be offered one more item of this medium now. */
    public boolean canTake(AgentView agent, Media m) {
        if (!agent.presence().takesWork() || agent.load(m) >= of(agent, m)) {
            return false;
        }
        int others = 0;
        for (Media held : MEDIA) {
            if (held != m) {
                others += agent.load(held);
                if (agent.load(held) > 0 && exclusive.contains(held)) {
                    return false; // a call in hand: nothing else
                }
            }
        }
        return !exclusive.contains(m) || others == 0;
    }
}
