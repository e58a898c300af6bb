package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.platform.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies on e-mail, SMS and WeChat leave through the outbox: the reply is written in the agent's
 * transaction (so a reply is never lost, nor sent for a rolled-back change), and a dispatcher sends it
 * afterwards outside any transaction. Each attempt claims the row (so two instances never send it
 * twice at once); a failure is retried after 5 s, 10 s, 20 s … up to {@code max-attempts}; then the row
 * is DEAD, listed for administrators, who may send it again. A rejection (a bad address) is dead at once.
 */
@Service
public class Outbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final Duration CLAIM = Duration.ofSeconds(60);

    private final ChannelStore store;
    private final Map<ContactChannel, ChannelSender> senders = new EnumMap<>(ContactChannel.class);
    private final PersonalData personalData;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    Outbox(ChannelStore store, List<ChannelSender> senders, PersonalData personalData, Clock clock,
           PlatformTransactionManager txManager, @Value("${fuwu.contact.outbox.max-attempts:6}") int maxAttempts,
           @Value("${fuwu.contact.outbox.first-backoff:5s}") Duration firstBackoff,
           @Value("${fuwu.contact.outbox.poll:2s}") Duration poll) {
        this.store = store;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.personalData = personalData;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = firstBackoff;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-contact-outbox");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::safeDrain, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a reply in the caller's transaction; the dispatcher is woken once it commits. */
    long enqueue(Conversation c, String text, String inReplyTo, Instant now) {
        String subject = c.subjectEnc() == null ? null : personalData.encrypt(reply(personalData.decrypt(c.subjectEnc())));
        long id = store.enqueue(c.id(), c.channel(), c.addressEnc(), subject, personalData.encrypt(text), inReplyTo, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
        return id;
    }

    /** Whether replies on a channel can leave at all (its sender is configured). */
    public boolean canSend(ContactChannel channel) {
        ChannelSender s = senders.get(channel);
        return s != null && s.configured();
    }

    /** Queues a message to another address than the conversation's (a chat transcript by e-mail). */
    long enqueueTo(long conversationId, ContactChannel channel, String address, String subject, String text, Instant now) {
        long id = store.enqueue(conversationId, channel, personalData.encrypt(address), personalData.encrypt(subject),
                personalData.encrypt(text), null, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
        return id;
    }

    static String reply(String subject) {
        String s = subject.strip();
        return s.regionMatches(true, 0, "re:", 0, 3) || s.startsWith("回复") ? s : "Re: " + s;
    }

    void wake() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                safeDrain();
            });
        }
    }

    private void safeDrain() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("contact outbox: drain failed; the next poll retries: {}", e.toString());
        }
    }

    /** Sends what is due now; the number of rows attempted. */
    public int drain() {
        int n = 0;
        for (long id : store.due(clock.instant(), 50)) {
            Instant now = clock.instant();
            if (Boolean.TRUE.equals(tx.execute(s -> store.claim(id, now, now.plus(CLAIM))))) {
                attempt(store.outbox(id).orElseThrow());
                n++;
            }
        }
        return n;
    }

    private void attempt(ChannelStore.OutboxRow row) {
        ChannelSender sender = senders.get(row.channel());
        ChannelSender.Delivery d;
        if (sender == null) {
            d = ChannelSender.Delivery.failed("channel " + row.channel() + " is not configured");
        } else {
            try {
                var refs = row.channel() == ContactChannel.EMAIL ? store.emailRefs(row.conversationId()) : List.<String>of();
                d = sender.send(new ChannelSender.Outbound(row.conversationId(), personalData.decrypt(row.addressEnc()),
                        row.subjectEnc() == null ? null : personalData.decrypt(row.subjectEnc()),
                        personalData.decrypt(row.bodyEnc()), row.inReplyTo(), refs, "fuwu-outbox-" + row.id()));
            } catch (RuntimeException e) {
                d = ChannelSender.Delivery.failed(e.getClass().getSimpleName());
            }
        }
        ChannelSender.Delivery delivery = d;
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            switch (delivery.outcome()) {
                case ACCEPTED -> {
                    store.sent(row.id(), delivery.externalId(), now);
                    if (row.channel() == ContactChannel.EMAIL && delivery.externalId() != null) {
                        store.recordEmail(delivery.externalId(), row.conversationId());
                    }
                }
                case REJECTED -> store.dead(row.id(), "rejected: " + delivery.reason());
                case FAILED -> {
                    if (row.attempts() >= maxAttempts) {
                        store.dead(row.id(), "failed " + row.attempts() + " times: " + delivery.reason());
                    } else {
                        store.retryLater(row.id(), delivery.reason(),
                                now.plus(firstBackoff.multipliedBy(1L << Math.min(20, row.attempts() - 1))));
                    }
                }
            }
        });
        if (delivery.outcome() != ChannelSender.Delivery.Outcome.ACCEPTED) {
            log.warn("contact outbox: message {} on {} not sent (attempt {}): {}", row.id(), row.channel(), row.attempts(),
                    delivery.reason());
        }
    }

    /** An administrator sends a dead message again; false when it is not dead. */
    public boolean retry(long id) {
        boolean revived = Boolean.TRUE.equals(tx.execute(s -> store.revive(id, clock.instant())));
        if (revived) {
            wake();
        }
        return revived;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
