package org.fuwu.queueing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * The lobby benchmark (issue #3, point 15): Fuwu on a fresh PostgreSQL database, driven over HTTP by
 * N concurrent clients, each a teller at a counter of a demo branch who takes a ticket at the kiosk
 * (anonymous {@code POST /tickets}), calls next, starts and completes, in a loop. It measures each
 * operation's throughput and p50/p99 latency, the call-to-board latency (from the call-next answer
 * to the {@code ticket-called} event on a branch's SSE stream), and then runs pgbench with the same
 * client count on the equivalent SQL transactions, for comparison.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=org.fuwu.queueing.LobbyBenchmark \
 *     -Dbench.args="--clients 16 --warmup 15 --seconds 30"</pre>
 *
 * Options: {@code --clients N} (default 16, at most 28: one per demo counter), {@code --warmup s},
 * {@code --seconds s}, {@code --pg host:port} (default 127.0.0.1:5432, user postgres, trust),
 * {@code --db name} (default fuwu_lobby_bench, dropped and created), {@code --heap} (default 1g),
 * {@code --no-pgbench}, {@code --app-arg x} (extra argument for the application, repeatable),
 * {@code --jvm-arg x} (extra JVM option for the application, repeatable: e.g. a JFR recording).
 */
public final class LobbyBenchmark {

    private static final String[] OPS = {"issue", "call-next", "start", "complete"};
    private static final Map<String, Integer> DEMO_COUNTERS = new LinkedHashMap<>();

    static {
        DEMO_COUNTERS.put("B001", 8);
        DEMO_COUNTERS.put("B002", 7);
        DEMO_COUNTERS.put("B003", 6);
        DEMO_COUNTERS.put("B101", 7);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> opts;
    private final List<String> appArgs;
    private String base;
    private String token;

    private LobbyBenchmark(Map<String, String> opts, List<String> appArgs) {
        this.opts = opts;
        this.appArgs = appArgs;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        List<String> appArgs = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-pgbench")) {
                opts.put("no-pgbench", "true");
            } else if (a.equals("--app-arg")) {
                appArgs.add(args[++i]);
            } else if (a.equals("--jvm-arg")) {
                jvmArgs.add(args[++i]);
            } else if (a.startsWith("--")) {
                opts.put(a.substring(2), args[++i]);
            }
        }
        opts.put("jvm-args", String.join("\u0001", jvmArgs));
        new LobbyBenchmark(opts, appArgs).run();
    }

    private int intOpt(String name, int dflt) {
        return Integer.parseInt(opts.getOrDefault(name, String.valueOf(dflt)));
    }

    private void run() throws Exception {
        int clients = Math.min(28, intOpt("clients", 16));
        int warmup = intOpt("warmup", 15);
        int seconds = intOpt("seconds", 30);
        String pg = opts.getOrDefault("pg", "127.0.0.1:5432");
        String db = opts.getOrDefault("db", "fuwu_lobby_bench");
        freshDatabase(pg, db);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Process app = startApplication(port, pg, db);
        try {
            awaitReady(app);
            token = machineToken();
            printMachine(clients, warmup, seconds);
            httpLoad(clients, warmup, seconds);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        if (!opts.containsKey("no-pgbench")) {
            pgbench(pg, db, clients, seconds);
        }
    }

    // ---- the application

    private static void freshDatabase(String pg, String db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
            s.execute("create database " + db);
        }
    }

    private Process startApplication(int port, String pg, String db) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !Path.of(e).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + opts.getOrDefault("heap", "1g")));
        for (String j : opts.getOrDefault("jvm-args", "").split("\u0001")) {
            if (!j.isBlank()) {
                cmd.add(j);
            }
        }
        int main = cmd.size() + 2;
        cmd.addAll(List.of("-cp", classpath, "org.fuwu.FuwuApplication",
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:postgresql://" + pg + "/" + db,
                "--spring.datasource.username=postgres",
                "--fuwu.data-dir=target/bench-data",
                "--fuwu.crypto.generate-demo-key=true",
                "--fuwu.queueing.anonymous-issues-per-window=1000000000",
                // the load runs at any hour: no opening hours, and no end-of-day job closing its tickets mid-run
                "--fuwu.queueing.schedule.enforce-opening-hours=false",
                "--fuwu.queueing.schedule.jobs-enabled=false",
                "--logging.level.root=WARN"));
        cmd.addAll(appArgs);
        Path log = Path.of("target", "bench", "fuwu.log");
        Files.createDirectories(log.getParent());
        System.out.println("starting Fuwu: " + String.join(" ", cmd.subList(main, cmd.size())) + "  (log " + log + ")");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(Process app) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Fuwu stopped; see target/bench/fuwu.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Fuwu did not start in 180 s");
    }

    /** A staff bearer token for the admin, then a bank-wide machine token for the tellers (no bcrypt per request). */
    private String machineToken() throws Exception {
        String admin = field(post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"demo1234\"}"), "token");
        return field(post("/api/v1/admin/tokens", admin,
                "{\"name\":\"lobby-bench\",\"roles\":[\"TELLER\"],\"scopeLevel\":\"BANK\"}"), "token");
    }

    private String post(String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    // ---- the HTTP load

    /** The first service of a demo counter (QueueingDemoData's layout): the last two serve V/C and C/B. */
    private static String serviceOf(int counter, int counters) {
        if (counter == counters) {
            return "V";
        }
        if (counter == counters - 1) {
            return "C";
        }
        return counter <= 4 ? "A" : "B";
    }

    private final class Client implements Runnable {
        final String branch;
        final String counter;
        final String service;
        final Histogram[] latency = new Histogram[OPS.length];
        final long[] errors = new long[OPS.length];
        final AtomicBoolean measuring;
        final AtomicBoolean running;
        final CallTimes calledAt;

        Client(String branch, int counter, int counters, AtomicBoolean measuring, AtomicBoolean running,
               CallTimes calledAt) {
            this.branch = branch;
            this.counter = "C%02d".formatted(counter);
            this.service = serviceOf(counter, counters);
            this.measuring = measuring;
            this.running = running;
            this.calledAt = calledAt;
            for (int i = 0; i < OPS.length; i++) {
                latency[i] = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
            }
        }

        @Override
        public void run() {
            HttpRequest issue = HttpRequest.newBuilder(URI.create(base + "/api/v1/branches/" + branch + "/tickets"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"serviceCode\":\"" + service + "\",\"channel\":\"KIOSK\"}")).build();
            HttpRequest callNext = staff("/api/v1/branches/" + branch + "/counters/" + counter + "/call-next", null);
            while (running.get()) {
                try {
                    timed(0, issue, 201);
                    long clickedAt = System.nanoTime();
                    HttpResponse<String> called = timed(1, callNext, 200);
                    if (called == null || called.statusCode() != 200) {
                        continue;
                    }
                    long id = Long.parseLong(field(called.body(), "id"));
                    if (measuring.get()) {
                        calledAt.answered(id, clickedAt, System.nanoTime());
                    }
                    timed(2, staff("/api/v1/tickets/" + id + "/start", null), 200);
                    timed(3, staff("/api/v1/tickets/" + id + "/complete", "{\"outcome\":\"DONE\"}"), 200);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    errors[0]++;
                }
            }
        }

        private HttpResponse<String> timed(int op, HttpRequest req, int expected) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            if (measuring.get()) {
                if (r.statusCode() == expected || op == 1 && r.statusCode() == 204) {
                    latency[op].recordValue(Math.min(micros, latency[op].getHighestTrackableValue()));
                } else {
                    errors[op]++;
                }
            }
            return r;
        }

        private HttpRequest staff(String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private void httpLoad(int clients, int warmup, int seconds) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        Histogram board = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        CallTimes calledAt = new CallTimes(board);
        List<String> branches = new ArrayList<>(DEMO_COUNTERS.keySet());
        List<Client> all = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            String b = branches.get(k % branches.size());
            int counter = k / branches.size() + 1;
            if (counter > DEMO_COUNTERS.get(b)) {
                continue;
            }
            all.add(new Client(b, counter, DEMO_COUNTERS.get(b), measuring, running, calledAt));
        }
        // the board: one SSE stream per branch, timing each ticket-called event against the call-next answer
        AtomicLong boardMissed = new AtomicLong();
        List<Thread> boards = new ArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(branches.size());
        for (String b : branches) {
            Thread t = new Thread(() -> boardListener(b, calledAt, subscribed), "board-" + b);
            t.setDaemon(true);
            t.start();
            boards.add(t);
        }
        subscribed.await(30, TimeUnit.SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (Client c : all) {
            Thread t = new Thread(c, "client-" + c.branch + "-" + c.counter);
            t.start();
            threads.add(t);
        }
        System.out.printf("warming up %d s with %d clients...%n", warmup, all.size());
        Thread.sleep(warmup * 1000L);
        String loadBefore = loadAverage();
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        String loadAfter = loadAverage();
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
        Thread.sleep(1_000); // late board events
        boardMissed.set(calledAt.missed());

        System.out.printf("%n== HTTP, %d clients, %.1f s measured (load average before %s, after %s)%n", all.size(),
                elapsed, loadBefore, loadAfter);
        System.out.println("| operation | ops/s | p50 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---|---|---|");
        Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long totalErrors = 0;
        for (int op = 0; op < OPS.length; op++) {
            Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
            long errors = 0;
            for (Client c : all) {
                h.add(c.latency[op]);
                errors += c.errors[op];
            }
            total.add(h);
            totalErrors += errors;
            row(OPS[op], h, elapsed, errors);
        }
        row("**all ticket operations**", total, elapsed, totalErrors);
        System.out.printf("%nboard (call-next answer to ticket-called on the branch's SSE stream): %d events, p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms; %d of them reached the stream before the call-next answer reached its"
                + " client (counted as 0); %d calls never seen on a stream%n", board.getTotalCount(),
                board.getValueAtPercentile(50) / 1000.0, board.getValueAtPercentile(99) / 1000.0,
                board.getMaxValue() / 1000.0, calledAt.beforeAnswer(), boardMissed.get());
        System.out.printf("board from the teller's click (call-next request sent to ticket-called on the stream): p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n", calledAt.fromClick.getValueAtPercentile(50) / 1000.0,
                calledAt.fromClick.getValueAtPercentile(99) / 1000.0, calledAt.fromClick.getMaxValue() / 1000.0);
    }

    private static void row(String name, Histogram h, double elapsed, long errors) {
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %d |%n", name, h.getTotalCount() / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errors);
    }

    /**
     * Pairs each measured call-next answer with its ticket-called event, in whichever order they arrive
     * (the board's push can beat the HTTP answer to its client).
     */
    static final class CallTimes {
        private final Histogram board;
        /** From the call-next request being sent (the teller's click) to the event on the stream. */
        final Histogram fromClick = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Map<Long, Long> clicked = new java.util.HashMap<>();
        private final Map<Long, Long> answered = new java.util.HashMap<>();
        private final Map<Long, Long> seen = new java.util.HashMap<>();
        private long beforeAnswer;

        CallTimes(Histogram board) {
            this.board = board;
        }

        synchronized void answered(long ticketId, long clickNanos, long nanos) {
            Long seenAt = seen.remove(ticketId);
            if (seenAt != null) {
                board.recordValue(0);
                fromClick.recordValue(Math.max(0, (seenAt - clickNanos) / 1000));
                beforeAnswer++;
            } else {
                answered.put(ticketId, nanos);
                clicked.put(ticketId, clickNanos);
            }
        }

        synchronized void seen(long ticketId, long nanos) {
            Long at = answered.remove(ticketId);
            if (at != null) {
                board.recordValue(Math.max(0, (nanos - at) / 1000));
                fromClick.recordValue(Math.max(0, (nanos - clicked.remove(ticketId)) / 1000));
            } else {
                seen.put(ticketId, nanos);
            }
        }

        synchronized long missed() {
            return answered.size();
        }

        synchronized long beforeAnswer() {
            return beforeAnswer;
        }
    }

    private void boardListener(String branch, CallTimes calledAt, CountDownLatch subscribed) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/branches/" + branch + "/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            subscribed.countDown();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "ticket-called".equals(event)) {
                        long now = System.nanoTime();
                        calledAt.seen(Long.parseLong(field(line, "ticketId")), now);
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the benchmark ends
        }
    }

    // ---- pgbench

    private void pgbench(String pg, String db, int clients, int seconds) throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Path setup = dir.resolve("pgbench-setup.sql");
        Files.writeString(setup, """
                insert into queue_service_type (branch_code, code, name_zh, name_en, zone_code, prefix, target_wait_seconds,
                    expected_service_seconds) select 'PG' || b, 'A', 'A', 'A', 'Z01', 'A', 900, 240
                    from generate_series(0, 3) b on conflict do nothing;
                insert into queue_branch_routing (branch_code, policy_kind, max_overtakes, max_delay_seconds, state)
                    select 'PG' || b, 'STRICT_PRIORITY', 3, 900, '' from generate_series(0, 3) b on conflict do nothing;
                insert into queue_number_counter (branch_code, business_day, prefix, last_number)
                    select 'PG' || b, current_date, 'A', 0 from generate_series(0, 3) b on conflict do nothing;
                """);
        run(List.of("psql", "-q", "-h", host(pg), "-p", port(pg), "-U", "postgres", "-d", db, "-f", setup.toString()));
        // the application's transactions, statement by statement: number counter, ticket, event and the
        // audit chain for an issue; the branch's routing row, the waiting list, the ticket, its event and
        // the audit chain for a call; the ticket, its event and the audit chain for a start and a complete
        String audit = """
                select last_seq from audit_chain_head where id = 1 for update \\gset
                insert into audit_record (seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash)
                    select last_seq + 1, now(), 'pgbench', 'bench', 'queueing.bench', 'ticket:0', 'SUCCESS', null, last_hash,
                    md5(random()::text) || md5(random()::text) from audit_chain_head where id = 1;
                update audit_chain_head set last_seq = :last_seq + 1,
                    last_hash = (select hash from audit_record where seq = :last_seq + 1) where id = 1;
                """;
        String ctr = "('P' || :client_id)";
        String app = """
                begin;
                update queue_number_counter set last_number = last_number + 1
                    where branch_code = 'PGB' and business_day = current_date and prefix = 'A' returning last_number as seq \\gset
                insert into queue_ticket (branch_code, service_code, business_day, prefix, seq, number, status, priority_class,
                    channel, status_token, predicted_p50_seconds, predicted_p90_seconds, issued_at)
                    values ('PGB', 'A', current_date, 'A', :seq, 'A' || :seq, 'WAITING', 'ORDINARY', 'KIOSK',
                    md5(random()::text) || md5(random()::text), 60, 120, now()) returning id as tid \\gset
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                    values (:tid, 'ISSUED', 'WAITING', now(), 'public:kiosk', 'channel=KIOSK');
                """ + audit + """
                commit;
                begin;
                select state from queue_branch_routing where branch_code = 'PGB' for update;
                select id from queue_ticket where branch_code = 'PGB' and business_day = current_date and status = 'WAITING'
                    order by id limit 200;
                update queue_ticket set status = 'CALLED', counter_code = CTR, called_at = now()
                    where id = (select min(id) from queue_ticket where branch_code = 'PGB' and business_day = current_date
                    and status = 'WAITING');
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                    select id, 'CALLED', 'CALLED', now(), 'bench', 'called' from queue_ticket
                    where branch_code = 'PGB' and counter_code = CTR and status = 'CALLED';
                update queue_branch_routing set state = '', version = version + 1 where branch_code = 'PGB';
                """ + audit + """
                commit;
                begin;
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                    select id, 'STARTED', 'SERVING', now(), 'bench', 'started' from queue_ticket
                    where branch_code = 'PGB' and counter_code = CTR and status = 'CALLED';
                update queue_ticket set status = 'SERVING', started_at = now()
                    where branch_code = 'PGB' and counter_code = CTR and status = 'CALLED';
                """ + audit + """
                commit;
                begin;
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                    select id, 'COMPLETED', 'COMPLETED', now(), 'bench', 'completed' from queue_ticket
                    where branch_code = 'PGB' and counter_code = CTR and status = 'SERVING';
                update queue_ticket set status = 'COMPLETED', outcome = 'DONE', closed_at = now()
                    where branch_code = 'PGB' and counter_code = CTR and status = 'SERVING';
                """ + audit + """
                commit;
                """;
        // like the HTTP clients, spread over four branches (client k at branch k mod 4)
        // the same without the audit chain and the routing row, with a skip-locked call: what the tables alone allow
        String minimal = app.replace(audit, "")
                .replace("select state from queue_branch_routing where branch_code = 'PGB' for update;\n", "")
                .replace("""
                        select id from queue_ticket where branch_code = 'PGB' and business_day = current_date and status = 'WAITING'
                            order by id limit 200;
                        """, "")
                .replace("""
                            where id = (select min(id) from queue_ticket where branch_code = 'PGB' and business_day = current_date
                            and status = 'WAITING');""", """
                            where id = (select id from queue_ticket where branch_code = 'PGB' and business_day = current_date
                            and status = 'WAITING' order by id limit 1 for update skip locked);""")
                .replace("update queue_branch_routing set state = '', version = version + 1 where branch_code = 'PGB';\n", "")
                .replace("CTR", ctr).replace("'PGB'", "('PG' || (:client_id % 4))");
        // like the HTTP clients, spread over four branches (client k at branch k mod 4)
        app = app.replace("CTR", ctr).replace("'PGB'", "('PG' || (:client_id % 4))");
        Path appScript = dir.resolve("pgbench-lobby-app.sql");
        Path minimalScript = dir.resolve("pgbench-lobby-minimal.sql");
        Files.writeString(appScript, app);
        Files.writeString(minimalScript, minimal);
        for (Path script : List.of(appScript, minimalScript)) {
            System.out.printf("%n== pgbench %s, %d clients, %d s (each transaction of the script is 4 ticket operations)%n",
                    script.getFileName(), clients, seconds);
            System.out.println(run(List.of("pgbench", "-n", "-r", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(seconds), "-h", host(pg), "-p", port(pg), "-U", "postgres",
                    "-f", script.toString(), "--max-tries=1", db)));
        }
    }

    private static String host(String pg) {
        return pg.substring(0, pg.indexOf(':'));
    }

    private static String port(String pg) {
        return pg.substring(pg.indexOf(':') + 1);
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    // ---- the machine

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void printMachine(int clients, int warmup, int seconds) {
        String model = "?";
        String mem = "?";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.replaceAll("\\D", "")).map(k -> Long.parseLong(k) / 1024 / 1024 + " GB").orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        System.out.printf("machine: %d CPUs (%s), %s RAM, Java %s; %d clients, %d s warm-up, %d s measured%n",
                Runtime.getRuntime().availableProcessors(), model, mem, System.getProperty("java.version"), clients, warmup,
                seconds);
    }
}
