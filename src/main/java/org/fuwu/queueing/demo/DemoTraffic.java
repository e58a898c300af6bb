package org.fuwu.queueing.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.queueing.demo.TrafficPolicy.Kind;
import org.fuwu.queueing.demo.TrafficPolicy.Response;
import org.fuwu.queueing.internal.Channel;
import org.fuwu.queueing.internal.CounterConsoleService;
import org.fuwu.queueing.internal.CounterConsoleService.ConsoleView;
import org.fuwu.queueing.internal.CounterConsoleService.CounterMode;
import org.fuwu.queueing.internal.CounterConsoleService.CounterView;
import org.fuwu.queueing.internal.CounterConsoleService.Position;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.LobbyConfigService.ServiceView;
import org.fuwu.queueing.internal.PriorityClass;
import org.fuwu.queueing.internal.TicketLifecycle.Outcome;
import org.fuwu.queueing.internal.TicketService;
import org.fuwu.queueing.internal.TicketService.IssueRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The living demo lobby: customers arrive at the demo branches and simulated tellers serve them, in
 * real time, through the same services the kiosk and the counter console use. So every step passes
 * the branch scope check, writes its ticket event, is audited (as {@value #ACTOR}) and reaches the
 * boards, the kiosk and the consoles like a real one.
 *
 * <p>The numbers (arrival gaps, classes, service times, no-shows, transfers) come from
 * {@link TrafficPolicy}; this class only keeps the clock of each counter and calls the services.
 *
 * <p>It never fights a person: it drives only counters that no teller has taken (no teller in the
 * counter's state, the counter open, nothing called there) or that it took itself, marks the
 * counters it takes with its own name, and lets go of a counter as soon as a person opens, pauses or
 * closes it, or calls there. An optional list restricts it to dedicated counters.
 */
public class DemoTraffic {

    /** The name the simulated tellers act and are audited under. */
    public static final String ACTOR = "demo-traffic";

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

    /** A customer waiting at most this many per service makes a newcomer leave without a ticket (balking). */
    static final int BALK_AT = 25;

    private enum Phase { IDLE, CALLED, SERVING }

    /** One simulated teller: what they do next, and when. */
    private static final class Desk {
        Phase phase = Phase.IDLE;
        Instant due;
        long ticketId;
        String serviceCode;
        Response response;
        int recalls;
        int maxRecalls;

        Desk(Instant due) {
            this.due = due;
        }

        void idle(Instant until) {
            phase = Phase.IDLE;
            due = until;
            ticketId = 0;
            serviceCode = null;
            response = null;
            recalls = 0;
        }
    }

    /** What the simulation did so far; for the log and tests. */
    public record Counts(long issued, long called, long completed, long noShows, long transfers, long errors) {
    }

    private final TicketService tickets;
    private final CounterConsoleService console;
    private final LobbyConfigService config;
    private final CustomerDirectory customers;
    private final Clock clock;
    private final TrafficPolicy policy;
    private final List<String> branches;
    private final Set<String> dedicatedCounters;
    private final Random random;
    private final Map<String, Map<String, Instant>> nextArrival = new HashMap<>();
    private final Map<String, Map<String, Desk>> desks = new HashMap<>();
    private final Map<String, Map<String, Integer>> expectedSeconds = new HashMap<>();
    private final Map<Kind, List<Long>> demoCustomers = new HashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong called = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong noShows = new AtomicLong();
    private final AtomicLong transfers = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private ScheduledExecutorService executor;

    /**
     * @param branches the branches to animate
     * @param dedicatedCounters "branch/counter" codes to drive; empty for every counter nobody has taken
     */
    public DemoTraffic(TicketService tickets, CounterConsoleService console, LobbyConfigService config,
                       CustomerDirectory customers, Clock clock, TrafficPolicy policy, List<String> branches,
                       Set<String> dedicatedCounters, Random random) {
        this.tickets = tickets;
        this.console = console;
        this.config = config;
        this.customers = customers;
        this.clock = clock;
        this.policy = policy;
        this.branches = List.copyOf(branches);
        this.dedicatedCounters = Set.copyOf(dedicatedCounters);
        this.random = random;
    }

    /** Starts one thread that advances the lobbies every {@code tick}. */
    public synchronized void start(Duration tick) {
        if (executor != null) {
            return;
        }
        findDemoCustomers();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-traffic");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tickSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Demo traffic started at {} for {} ({} arrivals an hour per branch, pace {})", tick, branches,
                policy.arrivalsPerHour(), policy.pace());
    }

    /** Stops the thread; tickets in progress stay as they are (a later start adopts them). */
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            log.info("Demo traffic stopped: {}", counts());
        }
    }

    public Counts counts() {
        return new Counts(issued.get(), called.get(), completed.get(), noShows.get(), transfers.get(), errors.get());
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            log.warn("Demo traffic tick failed: {}", e.toString());
        }
    }

    /** Advances every branch to now: due arrivals take tickets, due tellers take their next step. */
    void tick() {
        Instant now = clock.instant();
        for (String branch : branches) {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            StaffPrincipal teller = new StaffPrincipal(0, ACTOR, "Demo traffic", Set.of(Role.TELLER),
                    Scope.branch(branch), null);
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(teller, null, List.of()));
            SecurityContextHolder.setContext(context);
            try {
                arrivals(branch, now);
                tellers(branch, now);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
                log.debug("Demo traffic at {}: {}", branch, e.toString());
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    // ---- customers

    private void arrivals(String branch, Instant now) {
        List<ServiceView> services = config.servicesForStaff(branch).stream().filter(v -> v.service().active()).toList();
        Map<String, Integer> expected = new HashMap<>();
        services.forEach(v -> expected.put(v.service().code(), v.service().expectedServiceSeconds()));
        expectedSeconds.put(branch, expected);
        List<String> codes = services.stream().map(v -> v.service().code()).toList();
        Map<String, Instant> next = nextArrival.computeIfAbsent(branch, b -> new HashMap<>());
        for (ServiceView v : services) {
            String code = v.service().code();
            double rate = policy.ratePerHour(code, codes);
            Instant at = next.computeIfAbsent(code, c -> now.plus(policy.nextArrival(rate, random)));
            if (at.isBefore(now.minus(Duration.ofMinutes(1)))) {
                at = now; // after a long stop: no burst of a backlog of arrivals
            }
            int waiting = v.waiting();
            while (!at.isAfter(now)) {
                if (waiting < BALK_AT && arrive(branch, code)) {
                    waiting++;
                }
                at = at.plus(policy.nextArrival(rate, random));
            }
            next.put(code, at);
        }
    }

    private boolean arrive(String branch, String service) {
        Kind kind = policy.kind(service, random);
        List<Long> pool = demoCustomers.getOrDefault(kind, List.of());
        Long customerId = kind == Kind.ORDINARY || pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
        try {
            tickets.issue(branch, new IssueRequest(service, customerId, null, null, Channel.KIOSK, null));
            issued.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            log.debug("Demo arrival at {}/{} failed: {}", branch, service, e.toString());
            return false;
        }
    }

    /** The demo bank's VIP and preferential customers, found through the customer directory by id. */
    private void findDemoCustomers() {
        List<Long> vip = new ArrayList<>();
        List<Long> preferential = new ArrayList<>();
        int misses = 0;
        for (long id = 1; id <= 5_000 && misses < 200; id++) {
            Optional<CustomerRef> c = customers.find(id);
            if (c.isEmpty()) {
                misses++;
                continue;
            }
            misses = 0;
            switch (PriorityClass.of(c.get())) {
                case VIP -> vip.add(id);
                case PREFERENTIAL -> preferential.add(id);
                default -> { }
            }
        }
        demoCustomers.put(Kind.VIP, List.copyOf(vip));
        demoCustomers.put(Kind.PREFERENTIAL, List.copyOf(preferential));
        log.info("Demo traffic: {} VIP and {} preferential demo customers", vip.size(), preferential.size());
    }

    // ---- tellers

    private void tellers(String branch, Instant now) {
        Map<String, Desk> byCounter = desks.computeIfAbsent(branch, b -> new LinkedHashMap<>());
        for (String counter : console.counterCodes(branch)) {
            if (!dedicatedCounters.isEmpty() && !dedicatedCounters.contains(branch + "/" + counter)) {
                continue;
            }
            Desk desk = byCounter.computeIfAbsent(counter, c -> new Desk(now.plus(policy.pause(random))));
            if (desk.due.isAfter(now)) {
                continue;
            }
            try {
                step(branch, counter, desk, now);
            } catch (RuntimeException e) {
                // a person acted on the ticket or the counter meanwhile, or the counter changed: start over
                errors.incrementAndGet();
                log.debug("Demo teller at {}/{}: {}", branch, counter, e.toString());
                desk.idle(now.plus(policy.idleRetry()));
            }
        }
    }

    private void step(String branch, String counter, Desk desk, Instant now) {
        CounterView view = console.counter(branch, counter);
        if (!ours(branch, counter, view, desk, now)) {
            desk.idle(now.plus(policy.idleRetry()));
            return;
        }
        switch (desk.phase) {
            case IDLE -> callNext(branch, counter, desk, now);
            case CALLED -> customerComes(branch, desk, now);
            case SERVING -> finish(branch, desk, now);
        }
    }

    /**
     * Whether this counter is the simulation's to drive: its own (its name on the counter), or free
     * (open, no teller, nothing called there), which it then takes. A ticket at its own counter that
     * it does not know (after a restart) is adopted.
     */
    private boolean ours(String branch, String counter, CounterView view, Desk desk, Instant now) {
        if (ACTOR.equals(view.teller())) {
            if (!CounterMode.OPEN.name().equals(view.state())) {
                return false;
            }
            ConsoleView current = view.current();
            if (current == null) {
                if (desk.phase != Phase.IDLE) {
                    desk.idle(now); // its ticket was closed by someone else
                }
            } else if (desk.ticketId != current.id()) {
                desk.ticketId = current.id();
                desk.serviceCode = current.serviceCode();
                desk.maxRecalls = current.maxRecalls();
                desk.recalls = current.recalls();
                desk.response = Response.COMES;
                desk.phase = "SERVING".equals(current.status()) ? Phase.SERVING : Phase.CALLED;
            }
            return true;
        }
        if (view.teller() != null || !CounterMode.OPEN.name().equals(view.state()) || view.current() != null) {
            return false;
        }
        console.setCounterState(branch, counter, CounterMode.OPEN);
        desk.idle(now);
        return true;
    }

    private void callNext(String branch, String counter, Desk desk, Instant now) {
        Optional<ConsoleView> next = console.callNext(branch, counter);
        if (next.isEmpty()) {
            desk.idle(now.plus(policy.idleRetry()));
            return;
        }
        called.incrementAndGet();
        ConsoleView t = next.get();
        desk.phase = Phase.CALLED;
        desk.ticketId = t.id();
        desk.serviceCode = t.serviceCode();
        desk.maxRecalls = t.maxRecalls();
        desk.recalls = 0;
        desk.response = policy.response(random);
        desk.due = now.plus(desk.response == Response.COMES ? policy.walkUp(random) : policy.recallAfter());
    }

    private void customerComes(String branch, Desk desk, Instant now) {
        boolean here = desk.response == Response.COMES
                || desk.response == Response.COMES_AFTER_RECALL && desk.recalls > 0;
        if (here) {
            console.start(desk.ticketId);
            desk.phase = Phase.SERVING;
            desk.due = now.plus(policy.serviceTime(expected(branch, desk), random));
            return;
        }
        if (desk.recalls < desk.maxRecalls) {
            console.recall(desk.ticketId);
            desk.recalls++;
            desk.due = now.plus(desk.response == Response.COMES_AFTER_RECALL ? policy.walkUp(random) : policy.recallAfter());
            return;
        }
        console.noShow(desk.ticketId);
        noShows.incrementAndGet();
        desk.idle(now.plus(policy.pause(random)));
    }

    private void finish(String branch, Desk desk, Instant now) {
        List<String> others = expectedSeconds.getOrDefault(branch, Map.of()).keySet().stream()
                .filter(s -> !s.equals(desk.serviceCode)).sorted().toList();
        if (!others.isEmpty() && policy.transfers(random)) {
            console.transfer(desk.ticketId, others.get(random.nextInt(others.size())), null, Position.FRONT);
            transfers.incrementAndGet();
        } else {
            double u = random.nextDouble();
            console.complete(desk.ticketId, u < 0.9 ? Outcome.DONE : u < 0.97 ? Outcome.FOLLOW_UP : Outcome.REFERRED);
            completed.incrementAndGet();
        }
        desk.idle(now.plus(policy.pause(random)));
    }

    private Duration expected(String branch, Desk desk) {
        return Duration.ofSeconds(expectedSeconds.getOrDefault(branch, Map.of()).getOrDefault(desk.serviceCode, 300));
    }
}
