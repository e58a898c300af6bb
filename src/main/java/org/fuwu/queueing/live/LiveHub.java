package org.fuwu.queueing.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fuwu.queueing.internal.EstimateMinutes;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.TicketStatusView;
import org.fuwu.queueing.internal.WaitEstimate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The lobby's Server-Sent Events hub: per branch, the connected streams (boards, staff, one ticket's
 * holder), fed from the board feed table.
 *
 * <p>Design: the feed table is the single source. Every stream has a cursor (the last feed id it
 * was sent). One hub thread (no thread per client) "pumps" a branch: it reads the feed rows after the
 * lowest cursor of the branch's streams and sends each stream what it has not had, and then asks for
 * a {@code waiting} summary (boards and staff; computed on a thread of its own, at most every 250 ms per
 * branch, then sent to all of them) or sends the ticket's own {@code status}. Rows that committed out
 * of id order are caught by the committed rows the wake-ups carry (sent from memory, no read on the
 * way from a commit to the boards) and by each poll's look-back (D19).
 * A branch is pumped
 * when a change commits on this instance (woken by the after-commit listener), when a stream
 * connects (so {@code Last-Event-ID} replays what it missed), and every {@code poll} interval for
 * every branch with streams, which carries changes committed on other instances. A heartbeat comment
 * goes to every stream every {@code heartbeat}. A stream whose send fails, or that times out or
 * completes, is dropped.
 */
@Component
class LiveHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    /** What a stream is for. */
    enum Kind { BOARD, STAFF, TICKET }

    /** One connected stream; touched by the hub thread only, except for removal. */
    static final class Subscriber {
        final Kind kind;
        final String branchCode;
        final String token;
        final Locale locale;
        final SseEmitter emitter;
        long lastId;
        boolean greeted;
        /** Ids at or below the cursor sent within the look-back, with when they occurred. */
        final Map<Long, Instant> sent = new java.util.HashMap<>();

        Subscriber(Kind kind, String branchCode, String token, Locale locale, SseEmitter emitter, long lastId) {
            this.kind = kind;
            this.branchCode = branchCode;
            this.token = token;
            this.locale = locale;
            this.emitter = emitter;
            this.lastId = lastId;
        }
    }

    /** The waiting count and estimate of one service, in the {@code waiting} event. */
    record Waiting(String code, String prefix, int waiting, long p50Minutes, long p90Minutes) {
    }

    /** The {@code waiting} event's data. */
    record WaitingSummary(String branchCode, List<Waiting> services) {
    }

    /** The {@code status} event's data for one ticket's holder: texts already localised. */
    record TicketStatusData(String number, String status, String state, int position, String positionText,
                            long p50Minutes, long p90Minutes, String estimateText) {
    }

    private final Map<String, List<Subscriber>> branches = new ConcurrentHashMap<>();
    private final BoardFeed feed;
    private final LobbyConfigService config;
    private final TicketService tickets;
    private final MessageSource messages;
    private final BoardProperties properties;
    private final ScheduledExecutorService thread;

    LiveHub(BoardFeed feed, LobbyConfigService config, TicketService tickets, MessageSource messages,
            BoardProperties properties) {
        this.feed = feed;
        this.config = config;
        this.tickets = tickets;
        this.messages = messages;
        this.properties = properties;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-live-hub");
            t.setDaemon(true);
            return t;
        });
        long poll = properties.poll().toMillis();
        thread.scheduleWithFixedDelay(this::pollAll, poll, poll, TimeUnit.MILLISECONDS);
        long beat = properties.heartbeat().toMillis();
        thread.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
    }

    /**
     * Connects a stream of a branch.
     *
     * @param lastEventId the last feed id the client has seen (its Last-Event-ID), or null for "from now on"
     */
    SseEmitter subscribe(Kind kind, String branchCode, String token, Locale locale, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        long from = lastEventId != null && lastEventId >= 0 ? lastEventId : feed.maxId(branchCode);
        Subscriber s = new Subscriber(kind, branchCode, token, locale, emitter, from);
        // what had committed at or below the cursor is what the client had (its page, or its earlier
        // stream): the look-back sends only rows below the cursor that commit from now on
        for (BoardEvent e : feed.recentUpTo(branchCode, from, Instant.now().minus(properties.lookBack()))) {
            s.sent.put(e.id(), e.occurredAt());
        }
        branches.computeIfAbsent(branchCode, b -> new CopyOnWriteArrayList<>()).add(s);
        emitter.onCompletion(() -> remove(s));
        emitter.onTimeout(() -> remove(s));
        emitter.onError(e -> remove(s));
        thread.execute(() -> pump(branchCode, true));
        return emitter;
    }

    /**
     * Pushes a branch's new feed rows soon (on the hub thread); called after a change commits. Wakes
     * coalesce: while a pump of the branch is queued, another wake adds nothing (that pump reads
     * everything committed before it runs).
     */
    void wake(String branchCode, BoardEvent committedRow) {
        if (!branches.containsKey(branchCode)) {
            return;
        }
        if (committedRow != null) {
            committed.computeIfAbsent(branchCode, b -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(committedRow);
        }
        if (queued.add(branchCode)) {
            thread.execute(() -> {
                queued.remove(branchCode);
                pump(branchCode, false);
            });
        }
    }

    /**
     * Feed rows committed on this instance since the branch's last wake-up pump. That pump sends them from
     * memory, with no read of the feed table on the way from a commit to the boards; rows of other
     * instances come with the next poll.
     */
    private final Map<String, java.util.Queue<BoardEvent>> committed = new ConcurrentHashMap<>();

    /** Branches with a wake-up pump queued on the hub thread. */
    private final java.util.Set<String> queued = ConcurrentHashMap.newKeySet();

    /** When each branch's waiting summary was last computed. */
    private final Map<String, Long> summaryAt = new ConcurrentHashMap<>();

    /** Branches with a summary requested and not yet being computed. */
    private final java.util.Set<String> summaryPending = ConcurrentHashMap.newKeySet();

    /**
     * The waiting summary (counts and estimates of every service) costs a simulation per service, so it is
     * computed off the hub thread (calls are never held up behind it), at most every
     * {@link #SUMMARY_INTERVAL_MS} per branch, and sent to every board and staff stream of the branch; a
     * change sent in between gets the next one when the interval ends.
     */
    static final long SUMMARY_INTERVAL_MS = 250;

    private final ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fuwu-live-summary");
        t.setDaemon(true);
        return t;
    });

    /** How many streams a branch has on this instance. */
    int connections(String branchCode) {
        List<Subscriber> subs = branches.get(branchCode);
        return subs == null ? 0 : subs.size();
    }

    private void remove(Subscriber s) {
        List<Subscriber> subs = branches.get(s.branchCode);
        if (subs != null) {
            subs.remove(s);
            if (subs.isEmpty()) {
                branches.remove(s.branchCode, subs);
                committed.remove(s.branchCode);
            }
        }
    }

    private void pollAll() {
        for (String branch : List.copyOf(branches.keySet())) {
            pump(branch, true);
        }
    }

    private void heartbeat() {
        for (List<Subscriber> subs : branches.values()) {
            for (Subscriber s : subs) {
                send(s, SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    /**
     * Sends a branch's streams what they have not had. With {@code lookBack} (polls and new streams)
     * it also re-reads the feed of the last {@code lookBack} below the cursors: a change whose ticket
     * event id was taken before another's but that committed after it was not there when the higher
     * id was read, and is sent now (out of id order; clients drop ids they have had).
     */
    private void pump(String branchCode, boolean lookBack) {
        try {
            List<Subscriber> subs = branches.get(branchCode);
            if (subs == null || subs.isEmpty()) {
                return;
            }
            List<Subscriber> current = List.copyOf(subs);
            Instant since = Instant.now().minus(properties.lookBack());
            List<BoardEvent> events = new ArrayList<>();
            List<BoardEvent> late;
            if (lookBack) {
                long from = current.stream().mapToLong(s -> s.lastId).min().orElse(0);
                long highest = current.stream().mapToLong(s -> s.lastId).max().orElse(0);
                List<BoardEvent> page;
                do {
                    page = feed.after(branchCode, from, properties.replayLimit());
                    events.addAll(page);
                    if (!page.isEmpty()) {
                        from = page.get(page.size() - 1).id();
                    }
                } while (page.size() == properties.replayLimit());
                late = feed.recentUpTo(branchCode, highest, since);
            } else {
                // a wake-up: the rows this instance just committed, from memory; each subscriber takes those
                // above its cursor, and those below it it has not had (committed out of id order)
                events = drain(branchCode);
                late = events;
            }
            boolean summaryWanted = false;
            for (Subscriber s : current) {
                s.sent.values().removeIf(at -> at.isBefore(since));
                List<BoardEvent> mine = new ArrayList<>();
                for (BoardEvent e : late) {
                    if (e.id() <= s.lastId && !s.sent.containsKey(e.id())) {
                        mine.add(e);
                    }
                }
                for (BoardEvent e : events) {
                    if (e.id() > s.lastId && !s.sent.containsKey(e.id())) {
                        mine.add(e);
                    }
                }
                if (mine.isEmpty() && s.greeted) {
                    continue;
                }
                long last = s.lastId;
                for (BoardEvent e : mine) {
                    last = Math.max(last, e.id());
                    if (!e.occurredAt().isBefore(since)) {
                        s.sent.put(e.id(), e.occurredAt());
                    }
                }
                if (s.kind == Kind.TICKET) {
                    send(s, SseEmitter.event().id(Long.toString(last)).name("status")
                            .data(ticketStatus(s), MediaType.APPLICATION_JSON));
                } else {
                    for (BoardEvent e : mine) {
                        send(s, SseEmitter.event().id(Long.toString(Math.max(e.id(), s.lastId))).name(e.eventName())
                                .data(e, MediaType.APPLICATION_JSON));
                    }
                    summaryWanted = true;
                }
                s.lastId = last;
                s.greeted = true;
            }
            if (summaryWanted) {
                requestSummary(branchCode);
            }
        } catch (RuntimeException e) {
            log.warn("live feed of branch {} failed: {}", branchCode, e.toString());
        }
    }

    /** The rows this instance committed since the branch's last wake-up pump, oldest id first. */
    private List<BoardEvent> drain(String branchCode) {
        java.util.Queue<BoardEvent> rows = committed.get(branchCode);
        if (rows == null) {
            return new ArrayList<>();
        }
        List<BoardEvent> out = new ArrayList<>();
        BoardEvent e;
        while ((e = rows.poll()) != null) {
            out.add(e);
        }
        out.sort(java.util.Comparator.comparingLong(BoardEvent::id));
        return out;
    }

    /** Asks for the branch's waiting summary: computed on the summary thread, then sent on the hub thread. */
    private void requestSummary(String branchCode) {
        if (!summaryPending.add(branchCode)) {
            return; // one is requested already: it will see this change too
        }
        long now = System.nanoTime() / 1_000_000;
        Long at = summaryAt.get(branchCode);
        long delay = at == null ? 0 : Math.max(0, SUMMARY_INTERVAL_MS - (now - at));
        try {
            summaries.schedule(() -> {
                summaryPending.remove(branchCode); // a change from now on asks for the next one
                summaryAt.put(branchCode, System.nanoTime() / 1_000_000);
                WaitingSummary w;
                try {
                    w = waiting(branchCode);
                } catch (RuntimeException e) {
                    log.warn("waiting summary of branch {} failed: {}", branchCode, e.toString());
                    return;
                }
                thread.execute(() -> deliver(branchCode, w));
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            summaryPending.remove(branchCode);
        }
    }

    /** Sends a summary to every board and staff stream of the branch (hub thread). */
    private void deliver(String branchCode, WaitingSummary w) {
        List<Subscriber> subs = branches.get(branchCode);
        if (subs == null) {
            return;
        }
        for (Subscriber s : List.copyOf(subs)) {
            if (s.kind != Kind.TICKET && s.greeted) {
                send(s, SseEmitter.event().id(Long.toString(s.lastId)).name("waiting").data(w, MediaType.APPLICATION_JSON));
            }
        }
    }

    private WaitingSummary waiting(String branchCode) {
        return new WaitingSummary(branchCode, config.activeServices(branchCode).stream()
                .map(v -> new Waiting(v.service().code(), v.service().prefix(), v.waiting(),
                        EstimateMinutes.minutes(v.estimatedWait().p50Seconds()),
                        EstimateMinutes.minutes(v.estimatedWait().p90Seconds())))
                .toList());
    }

    private TicketStatusData ticketStatus(Subscriber s) {
        TicketStatusView v = tickets.status(s.token);
        WaitEstimate e = v.estimatedWait();
        EstimateMinutes m = EstimateMinutes.of(e);
        long p50 = m.p50();
        long p90 = m.p90();
        String status = v.ticket().status().name();
        String estimate = messages.getMessage(m.messageKey(), m.messageArgs(), s.locale);
        return new TicketStatusData(v.ticket().number(), status,
                messages.getMessage("queueing.status." + status, null, status, s.locale), v.position(),
                messages.getMessage("queueing.ticket.position", new Object[] {v.position()}, s.locale),
                p50, p90, estimate);
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            remove(s);
            try {
                s.emitter.completeWithError(e);
            } catch (RuntimeException ignored) {
                // already completed
            }
        }
    }

    /** For tests and shutdown: waits until the hub thread has done what was asked before now. */
    void drain(Duration max) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        thread.execute(done::countDown);
        done.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        for (List<Subscriber> subs : branches.values()) {
            for (Subscriber s : subs) {
                try {
                    s.emitter.complete();
                } catch (RuntimeException ignored) {
                    // the container may be gone already
                }
            }
        }
        branches.clear();
        thread.shutdownNow();
        summaries.shutdownNow();
    }
}
