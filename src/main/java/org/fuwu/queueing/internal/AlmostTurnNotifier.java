package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.fuwu.queueing.LobbyEvent;
import org.fuwu.queueing.internal.QueueingStore.AlmostTurnCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the "almost your turn" SMS (issue 3, point 6) through the platform's {@link SmsGateway}.
 *
 * <p>After every committed lobby change of a branch ({@link LobbyEvent}), and after a customer gives a
 * number on the status page, the branch is evaluated on a small pool of this instance (never on the
 * thread of the change, so a slow gateway never holds a request or a transaction): each WAITING ticket
 * with a notification number and no notification yet gets its people ahead and P50 estimate as its
 * status page shows them, and {@link AlmostYourTurnPolicy} decides. A ticket to notify is first
 * <em>claimed</em> by a conditional update ({@code almost_notified_at} from null, only while WAITING),
 * committed on its own; only the one caller whose update changed the row sends, so a ticket gets at most one
 * message across any number of instances, and none once it no longer waits. The outcome (ACCEPTED with the
 * gateway's id, REJECTED or FAILED with the reason) is written on the ticket with a ticket event
 * {@code ALMOST_TURN_SMS}. A failed send never touches the lobby change that caused it (that has committed),
 * and it is not tried again: at most once, rather than a second message to a customer already on the way.
 *
 * <p>Like the board feed, it wakes from a plain transaction synchronization rather than a
 * {@code @TransactionalEventListener} (see {@code BoardFeedRecorder} for the pool starvation that avoids).
 * A branch already queued for evaluation is not queued twice. Known limit: an evaluation that an instance
 * had queued when it died is lost; the branch's next change evaluates its tickets again.
 */
@Component
public class AlmostTurnNotifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlmostTurnNotifier.class);
    static final String EVENT_TYPE = "ALMOST_TURN_SMS";
    private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    private final QueueingStore store;
    private final LobbyConfigService config;
    private final LobbyWaitEstimator estimator;
    private final SmsGateway gateway;
    private final PersonalData personalData;
    private final MessageSource messages;
    private final Clock clock;
    private final AlmostTurnProperties properties;
    private final AlmostYourTurnPolicy policy;
    private final TransactionTemplate tx;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;

    AlmostTurnNotifier(QueueingStore store, LobbyConfigService config, LobbyWaitEstimator estimator, SmsGateway gateway,
                       PersonalData personalData, MessageSource messages, Clock clock, AlmostTurnProperties properties,
                       PlatformTransactionManager txManager) {
        this.store = store;
        this.config = config;
        this.estimator = estimator;
        this.gateway = gateway;
        this.personalData = personalData;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
        this.policy = properties.policy();
        this.tx = new TransactionTemplate(txManager);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "almost-turn-sms-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Every lobby change: evaluate its branch once the change has committed (nothing for a rolled-back one). */
    @EventListener
    void on(LobbyEvent e) {
        evaluateAfterCommit(e.branchCode());
    }

    /** Evaluates a branch after the surrounding transaction commits, or now when there is none. */
    public void evaluateAfterCommit(String branchCode) {
        if (!properties.enabled()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(branchCode);
                }
            });
        } else {
            queue(branchCode);
        }
    }

    private void queue(String branchCode) {
        if (!queued.add(branchCode)) {
            return; // already waiting to be evaluated: that run will see this change too
        }
        try {
            pool.execute(() -> {
                queued.remove(branchCode);
                try {
                    evaluate(branchCode);
                } catch (RuntimeException e) {
                    log.warn("almost-your-turn evaluation of branch {} failed: {}", branchCode, e.getClass().getName());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            queued.remove(branchCode);
        }
    }

    /**
     * Evaluates a branch's candidates now, on the caller's thread, and returns how many this call sent (it
     * claimed); safe to run on several threads and instances at once. The after-commit path runs it on the pool.
     */
    public int evaluate(String branchCode) {
        var candidates = store.almostTurnCandidates(branchCode);
        if (candidates.isEmpty()) {
            return 0;
        }
        BranchSummary branch = config.branch(branchCode);
        int sent = 0;
        for (AlmostTurnCandidate c : candidates) {
            ServiceType service = store.service(branchCode, c.serviceCode()).orElse(null);
            if (service == null) {
                continue;
            }
            int ahead = store.waitingAhead(branchCode, c.serviceCode(), c.businessDay(), c.ticketId());
            long p50 = estimator.estimate(branch, service, ahead).p50Seconds();
            if (policy.shouldNotify(ahead, p50) && store.claimAlmostTurn(c.ticketId(), clock.instant())) {
                send(c, ahead);
                sent++;
            }
        }
        return sent;
    }

    private void send(AlmostTurnCandidate c, int ahead) {
        Locale locale = "en".equals(c.language()) ? Locale.ENGLISH : ZH_CN;
        String text = ahead == 0
                ? messages.getMessage("queueing.sms.almostTurnNext", new Object[] {c.number()}, locale)
                : messages.getMessage("queueing.sms.almostTurn", new Object[] {c.number(), ahead}, locale);
        SmsResult result;
        try {
            result = gateway.send(new SmsMessage(personalData.decrypt(c.mobileEnc()), text, "queue-almost-" + c.ticketId()));
        } catch (RuntimeException e) {
            // a gateway should answer FAILED rather than throw; either way the lobby change stands
            result = SmsResult.failed(e.getClass().getSimpleName());
        }
        if (!result.accepted()) {
            log.warn("almost-your-turn SMS of ticket {} ({}) not delivered: {} {}", c.ticketId(), c.number(),
                    result.outcome(), result.reason());
        }
        SmsResult r = result;
        String detail = truncate(r.accepted() ? r.messageId() : r.reason(), 120);
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            store.recordAlmostTurn(c.ticketId(), r.outcome().name(), detail);
            store.insertEvent(c.ticketId(), EVENT_TYPE, TicketStatus.WAITING, now, "system:sms",
                    "outcome=" + r.outcome() + ";ahead=" + ahead + (detail == null ? "" : ";detail=" + detail));
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
