package org.fuwu.contact.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fuwu.contact.internal.Timeline;
import org.fuwu.contact.internal.TimelineEvent;
import org.fuwu.contact.internal.TimelineStore;
import org.fuwu.contact.internal.WallService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The contact centre's Server-Sent Events hub: customers' chat streams, agents' workstation streams,
 * supervisors' monitor streams of one conversation, and the supervisor wall.
 *
 * <p>The timeline table is the single source. One hub thread sends everything. A commit on this
 * instance hands its rows over at once ({@link Timeline.Listener}), so a message reaches the other side
 * without a read; every {@code poll} the hub reads the rows after its cursor, which carries what other
 * instances committed. A row whose id is below the cursor but had not committed when the cursor passed it
 * (ids are taken before commit) is a gap: the hub asks for the gaps again on each poll for
 * {@code lookBack}, and sends each row once. A stream that connects with {@code Last-Event-ID} (or
 * {@code lastEventId}) is first sent what it missed. Typing indicators are relayed at once to the streams
 * on this instance, and through {@link TypingStore} to the streams of the others (read on each poll).
 */
@Component
class ContactHub implements Timeline.Listener, DisposableBean, org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContactHub.class);
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration LOOK_BACK = Duration.ofSeconds(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    static final Duration WALL_EVERY = Duration.ofSeconds(2);
    static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();

    enum Kind { CUSTOMER, AGENT, MONITOR, WALL }

    static final class Subscriber {
        final Kind kind;
        final long key;
        final SseEmitter emitter;

        Subscriber(Kind kind, long key, SseEmitter emitter) {
            this.kind = kind;
            this.key = key;
            this.emitter = emitter;
        }

        boolean wants(TimelineEvent e) {
            return switch (kind) {
                case CUSTOMER -> e.conversationId() == key && e.customerMaySee();
                case AGENT -> e.agentMaySee(key);
                case MONITOR -> e.conversationId() == key;
                case WALL -> false;
            };
        }
    }

    /** What a stream receives for one timeline row; text decrypted, never the customer's token. */
    record Line(long id, long conversationId, String kind, String authorKind, String authorName, String text, String data,
                Instant at) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final TimelineStore store;
    private final Timeline timeline;
    private final WallService wall;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wallDirty = new AtomicBoolean(true);
    /** Touched by the hub thread only. */
    private long cursor = -1;
    private final Map<Long, Instant> gaps = new HashMap<>();
    private final Map<Long, Instant> sent = new LinkedHashMap<>();
    private Instant lastWall = Instant.EPOCH;
    private final TypingStore typing;
    /** Touched by the hub thread only: the newest typing signal of another instance relayed, and when rows were pruned. */
    private Instant typingSeen = Instant.now();
    private Instant typingPruned = Instant.EPOCH;

    ContactHub(TimelineStore store, Timeline timeline, WallService wall, TypingStore typing) {
        this.store = store;
        this.timeline = timeline;
        this.wall = wall;
        this.typing = typing;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-contact-hub");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::safePoll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(this::safeWall, WALL_EVERY.toMillis(), WALL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe(Kind kind, long key, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber s = new Subscriber(kind, key, emitter);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        thread.execute(() -> {
            try {
                send(s, "hello", null, Map.of("kind", kind.name()));
                if (lastEventId != null && lastEventId >= 0) {
                    List<TimelineEvent> missed = switch (kind) {
                        case CUSTOMER, MONITOR -> store.of(key, lastEventId);
                        case AGENT -> store.ofAgent(key, lastEventId, 1000);
                        case WALL -> List.of();
                    };
                    for (TimelineEvent e : missed) {
                        if (s.wants(e)) {
                            send(s, e, line(e));
                        }
                    }
                }
                subscribers.add(s);
                if (kind == Kind.WALL) {
                    send(s, "wall", null, wall.now());
                }
            } catch (RuntimeException e) {
                log.debug("contact stream could not start: {}", e.toString());
                emitter.complete();
            }
        });
        return emitter;
    }

    @Override
    public void committed(List<TimelineEvent> events) {
        thread.execute(() -> {
            for (TimelineEvent e : events) {
                if (sent.putIfAbsent(e.id(), Instant.now()) == null) {
                    dispatch(e);
                }
            }
            wallDirty.set(true);
        });
    }

    /** Relays a typing indicator to the other side's streams: on this instance at once, on the others through the store. */
    void typing(long conversationId, Long agentId, boolean fromCustomer) {
        relayTyping(conversationId, agentId, fromCustomer);
        try {
            // on the caller's thread: the hub thread sends every stream and must not wait on the database
            typing.typed(conversationId, fromCustomer, agentId, Instant.now());
        } catch (RuntimeException e) {
            log.debug("typing signal not shared with other instances: {}", e.toString());
        }
    }

    private void relayTyping(long conversationId, Long agentId, boolean fromCustomer) {
        thread.execute(() -> {
            Map<String, Object> data = Map.of("conversationId", conversationId, "from", fromCustomer ? "CUSTOMER" : "AGENT");
            for (Subscriber s : subscribers) {
                boolean to = fromCustomer ? (s.kind == Kind.AGENT && agentId != null && s.key == agentId)
                        || (s.kind == Kind.MONITOR && s.key == conversationId)
                        : s.kind == Kind.CUSTOMER && s.key == conversationId;
                if (to) {
                    send(s, "typing", null, data);
                }
            }
        });
    }

    private void safePoll() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("contact hub poll failed; the next poll retries: {}", e.toString());
        }
    }

    private void poll() {
        Instant now = Instant.now();
        pollTyping(now);
        if (cursor < 0) {
            cursor = store.maxId();
            return;
        }
        List<TimelineEvent> rows = new ArrayList<>(store.after(cursor, 1000));
        gaps.values().removeIf(t -> t.isBefore(now.minus(LOOK_BACK)));
        if (!gaps.isEmpty()) {
            rows.addAll(store.byIds(gaps.keySet()));
        }
        rows.sort(Comparator.comparingLong(TimelineEvent::id));
        long expected = cursor + 1;
        for (TimelineEvent e : rows) {
            gaps.remove(e.id());
            if (e.id() > cursor) {
                for (long id = expected; id < e.id() && id - expected < 1000; id++) {
                    gaps.putIfAbsent(id, now);
                }
                expected = e.id() + 1;
                cursor = e.id();
            }
            if (sent.putIfAbsent(e.id(), now) == null) {
                dispatch(e);
                wallDirty.set(true);
            }
        }
        sent.values().removeIf(t -> t.isBefore(now.minus(LOOK_BACK.multipliedBy(2))));
    }

    /** Relays what other instances' customers and agents typed since the last poll (a signal lasts 4 s on screen). */
    private void pollTyping(Instant now) {
        boolean anyone = subscribers.stream().anyMatch(s -> s.kind != Kind.WALL);
        if (anyone) {
            for (TypingStore.Signal t : typing.othersAfter(typingSeen)) {
                if (t.at().isAfter(typingSeen)) {
                    typingSeen = t.at();
                }
                if (t.at().isAfter(now.minusSeconds(4))) {
                    relayTyping(t.conversationId(), t.agentId(), t.fromCustomer());
                }
            }
        }
        if (now.isAfter(typingPruned.plus(TypingStore.KEEP))) {
            typingPruned = now;
            typing.prune(now);
        }
    }

    private void dispatch(TimelineEvent e) {
        Line line = null;
        for (Subscriber s : subscribers) {
            if (s.wants(e)) {
                if (line == null) {
                    line = line(e);
                }
                send(s, e, line);
            }
        }
    }

    private Line line(TimelineEvent e) {
        return new Line(e.id(), e.conversationId(), e.kind(), e.authorKind(), e.authorName(), timeline.text(e), e.data(),
                e.occurredAt());
    }

    private void safeWall() {
        try {
            boolean any = subscribers.stream().anyMatch(s -> s.kind == Kind.WALL);
            Instant now = Instant.now();
            if (any && (wallDirty.getAndSet(false) || now.isAfter(lastWall.plusSeconds(10)))) {
                lastWall = now;
                WallService.Wall w = wall.now();
                for (Subscriber s : subscribers) {
                    if (s.kind == Kind.WALL) {
                        send(s, "wall", null, w);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("contact wall update failed: {}", e.toString());
        }
    }

    private void heartbeat() {
        for (Subscriber s : subscribers) {
            try {
                s.emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | RuntimeException e) {
                drop(s);
            }
        }
    }

    private void send(Subscriber s, TimelineEvent e, Line line) {
        send(s, e.kind().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), String.valueOf(e.id()), line);
    }

    private void send(Subscriber s, String name, String id, Object data) {
        try {
            SseEmitter.SseEventBuilder b = SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON);
            if (id != null) {
                b.id(id);
            }
            s.emitter.send(b);
        } catch (IOException | RuntimeException ex) {
            drop(s);
        }
    }

    private void drop(Subscriber s) {
        subscribers.remove(s);
        try {
            s.emitter.complete();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    /** Streams connected now (for tests and metrics). */
    int streams() {
        return subscribers.size();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        for (Subscriber s : subscribers) {
            drop(s);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
        for (Subscriber s : subscribers) {
            drop(s);
        }
    }
}
