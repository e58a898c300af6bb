package org.fuwu.routing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A contact-centre work item waiting for an agent: a call, a chat, an e-mail, a WeChat or SMS
 * conversation, a task.
 *
 * @param id the item's id
 * @param queue the queue it was routed to, such as {@code cards}
 * @param overflowQueues the queues whose agents may take it once the relaxation allows overflow
 * @param media its medium
 * @param requirements the skills it needs
 * @param priority its base priority, higher first (e.g. 0 ordinary, 10 a complaint)
 * @param vip whether the customer is a VIP: ranks higher, and goes to the most proficient agent
 * @param arrivedAt when it started waiting
 * @param preferredAgent the agent who served this customer last, or null
 * @param excludedAgents agents who declined it or let its offer time out
 * @param customerLabel a label for explanations (never personal data)
 */
public record ContactItem(String id, String queue, Set<String> overflowQueues, Media media,
                          List<SkillRequirement> requirements, int priority, boolean vip, Instant arrivedAt,
                          String preferredAgent, Set<String> excludedAgents, String customerLabel) {

    public ContactItem {
        overflowQueues = Set.copyOf(overflowQueues);
        requirements = List.copyOf(requirements);
        excludedAgents = Set.copyOf(excludedAgents);
    }

    /** The same item, with an agent who declined it or let it time out excluded. */
    public ContactItem excluding(String agentId) {
        java.util.Set<String> more = new java.util.HashSet<>(excludedAgents);
        more.add(agentId);
        return new ContactItem(id, queue, overflowQueues, media, requirements, priority, vip, arrivedAt,
                preferredAgent, more, customerLabel);
    }
}
