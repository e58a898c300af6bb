package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.routing.AgentCapacity;
import org.fuwu.routing.AgentView;
import org.fuwu.routing.ContactItem;
import org.fuwu.routing.Presence;
import org.fuwu.routing.Relaxation;
import org.fuwu.routing.RoutingBoard;
import org.fuwu.routing.SkillRequirement;
import org.fuwu.routing.SkillsRouter;
import org.fuwu.staff.AgentDirectory;
import org.fuwu.staff.AgentDirectory.AgentProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the routing core's {@link SkillsRouter} (through its indexed, event-driven {@link RoutingBoard},
 * the engine {@code bench/} measures) over the stored work: a round takes the waiting
 * conversations and the available agents (with their skills from staff and their load), and offers
 * what it can, each offer a conditional update from QUEUED, so no conversation is offered twice. A
 * round first takes back lapsed offers (the agent is excluded from that conversation) and ends
 * after-contact-work timers.
 *
 * <p>Rounds of every instance run one at a time: each locks the one row of {@code contact_routing_lock}
 * until its commit, so an agent's load is never counted by two rounds at once and capacity is never
 * exceeded. A round runs after every change that may make an offer possible (requested after that
 * change commits, coalesced on one thread) and every {@code routingTick} anyway.
 */
@Service
public class ContactRouting implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContactRouting.class);

    private final ConversationStore conversations;
    private final AgentStore agents;
    private final ContactConfigStore config;
    private final AgentDirectory directory;
    private final Timeline timeline;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactProperties properties;
    private final SkillsRouter router;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    ContactRouting(ConversationStore conversations, AgentStore agents, ContactConfigStore config, AgentDirectory directory,
                   Timeline timeline, JdbcClient jdbc, Clock clock, ContactProperties properties,
                   PlatformTransactionManager txManager) {
        this.conversations = conversations;
        this.agents = agents;
        this.config = config;
        this.directory = directory;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.router = new SkillsRouter(AgentCapacity.DEFAULT, Relaxation.DEFAULT, properties.vipBoost(),
                properties.agePerMinute(), properties.offerTimeout());
        this.tx = new TransactionTemplate(txManager);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-contact-routing");
            t.setDaemon(true);
            return t;
        });
        if (properties.routingEnabled()) {
            long tick = properties.routingTick().toMillis();
            thread.scheduleWithFixedDelay(this::safeRound, tick, tick, TimeUnit.MILLISECONDS);
        }
    }

    public SkillsRouter router() {
        return router;
    }

    /** Asks for a round once the current transaction commits (at once without one); requests coalesce. */
    public void requestRound() {
        if (!properties.routingEnabled()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    private void schedule() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                safeRound();
            });
        }
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("contact routing round failed; the next tick retries: {}", e.toString());
        }
    }

    /** One routing round, in a transaction of its own: the offers it made. */
    public List<SkillsRouter.Offer> round() {
        return tx.execute(s -> {
            jdbc.sql("select id from contact_routing_lock where id = 1 for update").query(Integer.class).single();
            Instant now = clock.instant();
            lapseOffers(now);
            endAfterContactWork(now);
            List<SkillsRouter.Offer> offers = offer(now);
            jdbc.sql("update contact_routing_lock set last_run = :now where id = 1")
                    .param("now", org.fuwu.platform.SqlTimes.ts(now)).update();
            return offers;
        });
    }

    private void lapseOffers(Instant now) {
        for (Conversation c : conversations.lapsedOffers(now)) {
            Set<Long> excluded = new HashSet<>(c.excludedAgents());
            excluded.add(c.offerAgentId());
            if (conversations.requeueFromOffer(c.id(), c.offerAgentId(), excluded)) {
                conversations.resolveOffer(c.id(), c.offerAgentId(), "TIMED_OUT", now);
                timeline.append(c.id(), c.offerAgentId(), "OFFER_CLOSED", "AGENT", "SYSTEM", null, null,
                        "outcome=TIMED_OUT", now);
            }
        }
    }

    private void endAfterContactWork(Instant now) {
        for (long agent : agents.acwDue(now)) {
            agents.setPresence(agent, Presence.AVAILABLE, now, now, null);
            timeline.append(0, agent, "PRESENCE", "AGENT", "SYSTEM", null, null, "presence=AVAILABLE", now);
        }
    }

    private List<SkillsRouter.Offer> offer(Instant now) {
        List<Conversation> queued = conversations.queued(2000);
        if (queued.isEmpty()) {
            return List.of();
        }
        List<AgentStore.AgentRow> rows = agents.available();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, ContactQueue> queues = new HashMap<>();
        for (ContactQueue q : config.queues()) {
            queues.put(q.code(), q);
        }
        List<ContactItem> items = new ArrayList<>(queued.size());
        Map<String, Conversation> byId = new HashMap<>();
        for (Conversation c : queued) {
            items.add(item(c, queues.get(c.queueCode())));
            byId.put(String.valueOf(c.id()), c);
        }
        Map<Long, AgentProfile> profiles = new HashMap<>();
        for (AgentProfile p : directory.findAll(rows.stream().map(AgentStore.AgentRow::accountId).toList())) {
            profiles.put(p.accountId(), p);
        }
        var loads = conversations.loads();
        List<AgentView> views = new ArrayList<>();
        for (AgentStore.AgentRow r : rows) {
            AgentProfile p = profiles.get(r.accountId());
            if (p == null || !p.enabled()) {
                continue;
            }
            views.add(new AgentView(String.valueOf(r.accountId()), p.displayName(), Presence.AVAILABLE, r.queues(),
                    p.skills(), loads.getOrDefault(r.accountId(), Map.of()),
                    r.idleSince() != null ? r.idleSince() : r.presenceSince(), r.capacity()));
        }
        RoutingBoard board = new RoutingBoard(router);
        views.forEach(board::putAgent);
        items.forEach(board::putItem);
        List<SkillsRouter.Offer> made = new ArrayList<>();
        for (SkillsRouter.Offer o : board.match(now)) {
            Conversation c = byId.get(o.itemId());
            long agent = Long.parseLong(o.agentId());
            if (conversations.offer(c.id(), agent, o.expiresAt(), o.explanation())) {
                conversations.insertOffer(c.id(), agent, now, o.expiresAt(), o.explanation());
                timeline.append(c.id(), agent, "OFFER", "AGENT", "SYSTEM", null, null,
                        "expiresAt=" + o.expiresAt(), now);
                made.add(o);
            }
        }
        return made;
    }

    /** A stored conversation as the routing core sees it: its queue's skills plus its language. */
    ContactItem item(Conversation c, ContactQueue q) {
        List<SkillRequirement> needs = new ArrayList<>();
        Set<String> overflow = Set.of();
        if (q != null) {
            needs.addAll(q.skills());
            overflow = q.overflowQueues();
        }
        String lang = "lang-" + (c.language().startsWith("en") ? "en" : "zh");
        if (needs.stream().noneMatch(r -> r.skill().equals(lang))) {
            needs.add(SkillRequirement.required(lang, properties.languageLevel()));
        }
        Set<String> excluded = new HashSet<>();
        c.excludedAgents().forEach(a -> excluded.add(String.valueOf(a)));
        return new ContactItem(String.valueOf(c.id()), c.queueCode(), overflow, c.channel().media(), needs,
                c.priority(), c.vip(), c.queuedAt(), c.preferredAgentId() == null ? null : String.valueOf(c.preferredAgentId()),
                excluded, "#" + c.id());
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
