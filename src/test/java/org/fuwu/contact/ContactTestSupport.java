package org.fuwu.contact;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.fuwu.contact.internal.AgentWork;
import org.fuwu.contact.internal.ChatService;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.contact.internal.ContactRouting;
import org.fuwu.contact.internal.ConversationStatus;
import org.fuwu.contact.internal.ConversationStore;
import org.fuwu.contact.internal.QueueAdmin;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.staff.internal.StaffAccount;
import org.fuwu.staff.internal.StaffAccountService;

/**
 * The contact module's fixtures: agents with skills (real staff accounts) and queues of their own, so
 * that tests sharing one database never route to each other's agents.
 */
public final class ContactTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private ContactTestSupport() {
    }

    /** A unique suffix for names. */
    public static String unique() {
        return RUN + SEQ.incrementAndGet();
    }

    /** A new agent account with these skills; its principal acts as the agent. */
    public static StaffPrincipal agent(StaffAccountService staff, String displayName, Map<String, Integer> skills) {
        String u = "ag" + unique();
        StaffAccount a = staff.create(new StaffAccountService.CreateCommand(u, displayName, null, "Agent-pass-2026!x",
                List.of("AGENT"), "BANK", null, skills, true));
        return new StaffPrincipal(a.id(), a.username(), a.displayName(), Set.of(Role.AGENT), Scope.bank(), null);
    }

    public static StaffPrincipal supervisor(StaffAccountService staff) {
        String u = "sv" + unique();
        StaffAccount a = staff.create(new StaffAccountService.CreateCommand(u, "班长" + u, null, "Super-pass-2026!x",
                List.of("SUPERVISOR"), "BANK", null, Map.of(), true));
        return new StaffPrincipal(a.id(), a.username(), a.displayName(), Set.of(Role.SUPERVISOR), Scope.bank(), null);
    }

    /**
     * Runs routing rounds until the conversation is offered (a background round may have offered it
     * already), and answers the agent it was offered to. Each round comes before the read, so an offer that
     * has lapsed is taken back and made again, never answered as it stood.
     */
    public static long offeredTo(ContactRouting routing, ConversationStore conversations, long conversationId) {
        for (int i = 0; i < 50; i++) {
            routing.round(); // first, so that a lapsed offer is taken back before it is read
            var c = conversations.find(conversationId).orElseThrow();
            if (c.status() == ConversationStatus.OFFERED) {
                return c.offerAgentId();
            }
        }
        throw new AssertionError("conversation " + conversationId + " was never offered");
    }

    /**
     * A customer's chat in the queue, routed to this agent (who serves that queue only, and is made available)
     * and accepted; answers what the customer was given.
     */
    public static ChatService.Started assignedChat(AgentWork work, ChatService chat, ContactRouting routing,
                                                   ConversationStore conversations, StaffPrincipal agent, String queue,
                                                   String language, String customerName) {
        work.configure(agent.accountId(), Set.of(queue), Map.of());
        work.setPresence(agent, "AVAILABLE");
        ChatService.Started s = chat.start(language, customerName, queue, ContactChannel.WEB_CHAT, null);
        long offered = offeredTo(routing, conversations, s.id());
        if (offered != agent.accountId()) {
            throw new AssertionError("chat " + s.id() + " was offered to " + offered + ", not to " + agent.accountId());
        }
        work.accept(agent, s.id());
        return s;
    }

    /** A new queue needing these skills, with no overflow. */
    public static String queue(QueueAdmin queues, SkillRequirement... skills) {
        String code = "t-" + unique();
        queues.create(new QueueAdmin.QueueInput(code, "测试" + code, "Test " + code, 0, List.of(skills), Set.of(), 20, 80, true));
        return code;
    }
}
