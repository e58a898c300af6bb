/**
 * The contact centre (全渠道客服): conversations on every channel (web and app chat first), routed by
 * skill to agents through the routing core's {@link org.fuwu.routing.SkillsRouter}, the agent
 * workstation, and the supervisor wall.
 *
 * <p>Its API for other modules is the events in this package ({@link org.fuwu.contact.ConversationStarted},
 * {@link org.fuwu.contact.ConversationAssigned}, {@link org.fuwu.contact.ConversationEnded}); everything
 * else sits in {@code internal}, {@code live}, {@code web} and {@code demo}. Agents' names and skills come
 * from staff's {@link org.fuwu.staff.AgentDirectory}; presence, queues and capacity are kept here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact",
        allowedDependencies = {"platform", "staff", "customer", "routing", "queueing", "corebanking", "cases", "feedback", "knowledge"})
package org.fuwu.contact;
