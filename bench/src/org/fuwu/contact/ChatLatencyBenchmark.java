package org.fuwu.contact;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * Chat message to agent screen, end to end (issue #4, point 9): Fuwu runs in its own JVM on PostgreSQL;
 * N agents (staff bearer tokens) keep their workstation stream open ({@code GET /api/v1/agents/me/events})
 * and accept every offer; M customers each start a chat, wait until an agent has it, then write a message
 * every {@code --interval-ms}, each carrying its send time. The latency is from the customer's POST to the
 * {@code message} event arriving on the agent's stream (both ends in this JVM, one clock). After
 * {@code --messages} messages the agent ends the conversation with a wrap-up code and the customer starts
 * another, so routing, offers and accepts run throughout.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=org.fuwu.contact.ChatLatencyBenchmark \
 *     -Dbench.args="--agents 10 --customers 20 --interval-ms 200 --warmup 10 --seconds 30"</pre>
 */
public final class ChatLatencyBenchmark {

    private static final Pattern SENT = Pattern.compile("bench (\\d+) (\\d+)");

    private final Map<String, String> opts;
    private final HttpClient http = HttpClient.newBuilder().build();
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong conversations = new AtomicLong();
    private final Map<Long, CountDownLatch> assigned = new ConcurrentHashMap<>();
    private final Map<Long, String> agentOf = new ConcurrentHashMap<>();
    private String base;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    private ChatLatencyBenchmark(Map<String, String> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ChatLatencyBenchmark(opts).run();
        System.exit(0);
    }

    private int opt(String name, int dflt) {
        return Integer.parseInt(opts.getOrDefault(name, String.valueOf(dflt)));
    }

    private void run() throws Exception {
        int agents = opt("agents", 10);
        int customers = opt("customers", 20);
        int interval = opt("interval-ms", 200);
        int warmup = opt("warmup", 10);
        int seconds = opt("seconds", 30);
        String pg = opts.getOrDefault("pg", "127.0.0.1:5432");
        String db = "fuwu_chat_bench";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
            s.execute("create database " + db);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Process app = start(port, pg, db);
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            awaitReady(app);
            String admin = field(post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"demo1234\"}"), "token");
            for (int i = 0; i < agents; i++) {
                String user = "benchagent" + i;
                String id = field(post("/api/v1/staff", admin, "{\"username\":\"" + user + "\",\"displayName\":\"坐席" + i
                        + "\",\"password\":\"Bench-pass-2026!\",\"roles\":[\"AGENT\"],\"scopeLevel\":\"BANK\","
                        + "\"skills\":[{\"code\":\"lang-zh\",\"proficiency\":5},{\"code\":\"lang-en\",\"proficiency\":4}]}"), "id");
                send("PUT", "/api/v1/contact/agents/" + id, admin, "{\"queues\":[\"general\"],\"capacity\":{\"CHAT\":3}}");
                String token = field(post("/api/v1/auth/token", null, "{\"username\":\"" + user
                        + "\",\"password\":\"Bench-pass-2026!\"}"), "token");
                pool.submit(() -> agent(token));
            }
            Thread.sleep(1000);
            System.out.printf("machine: %d CPUs, Java %s; %d agents, %d customers, a message every %d ms each, %d s warm-up, %d s measured%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), agents, customers, interval,
                    warmup, seconds);
            for (int i = 0; i < customers; i++) {
                int n = i;
                pool.submit(() -> customer(n, interval));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            synchronized (latency) {
                latency.reset();
            }
            long before = conversations.get();
            measuring.set(true);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            measuring.set(false);
            stop.set(true);
            long n = latency.getTotalCount();
            System.out.printf("%n| measured | messages | messages/s | p50 ms | p99 ms | max ms | conversations | errors |%n"
                            + "|---|---|---|---|---|---|---|---|%n| %d s | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |%n",
                    seconds, n, n / (double) seconds, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, conversations.get() - before, errors.get());
        } finally {
            pool.shutdownNow();
            workers.shutdownNow();
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** An agent: the workstation stream; accepts every offer; ends a conversation after its last message. */
    private void agent(String token) {
        try {
            send("PUT", "/api/v1/agents/me/presence", token, "{\"state\":\"AVAILABLE\"}");
            HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/agents/me/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String event = null;
                String line;
                while ((line = in.readLine()) != null && !stop.get()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        long now = System.nanoTime();
                        String data = line.substring(5);
                        if (!"offer".equals(event) && !"message".equals(event)) {
                            continue;
                        }
                        long conversation = Long.parseLong(field(data, "conversationId"));
                        if ("offer".equals(event)) {
                            workers.submit(() -> accept(token, conversation));
                        } else if ("message".equals(event)) {
                            Matcher m = SENT.matcher(data);
                            if (m.find() && measuring.get()) {
                                synchronized (latency) {
                                    latency.recordValue(Math.max(0, now - Long.parseLong(m.group(2))));
                                }
                            }
                            if (data.contains("bench-end")) {
                                workers.submit(() -> end(token, conversation));
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (!stop.get()) {
                errors.incrementAndGet();
                System.err.println("agent stream failed: " + e);
            }
        }
    }

    private void accept(String token, long conversation) {
        try {
            send("POST", "/api/v1/conversations/" + conversation + "/accept", token, "");
            agentOf.put(conversation, token);
            assigned.computeIfAbsent(conversation, k -> new CountDownLatch(1)).countDown();
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private void end(String token, long conversation) {
        try {
            send("POST", "/api/v1/conversations/" + conversation + "/end", token, "{\"wrapUpCode\":\"resolved\"}");
            // back to work at once (no after-contact work in a benchmark)
            send("PUT", "/api/v1/agents/me/presence", token, "{\"state\":\"AVAILABLE\"}");
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** A customer: chat after chat, each of --messages messages. */
    private void customer(int n, int interval) {
        int messages = opt("messages", 20);
        while (!stop.get()) {
            try {
                String started = post("/api/v1/chat/conversations", null, "{\"language\":\"zh-CN\",\"name\":\"客户" + n + "\"}");
                long id = Long.parseLong(field(started, "id"));
                String token = field(started, "token");
                conversations.incrementAndGet();
                if (!assigned.computeIfAbsent(id, k -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS)) {
                    errors.incrementAndGet();
                    continue;
                }
                for (int i = 0; i < messages && !stop.get(); i++) {
                    String text = (i == messages - 1 ? "bench-end " : "") + "bench " + i + " " + System.nanoTime();
                    post("/api/v1/chat/conversations/" + token + "/messages", null, "{\"text\":\"" + text + "\"}");
                    Thread.sleep(interval);
                }
                assigned.remove(id);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!stop.get()) {
                    errors.incrementAndGet();
                    System.err.println("customer " + n + ": " + e.getMessage());
                }
            }
        }
    }

    private Process start(int port, String pg, String db) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !Path.of(e).endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classpath, "org.fuwu.FuwuApplication", "--server.port=" + port, "--spring.profiles.active=demo",
                "--spring.datasource.url=jdbc:postgresql://" + pg + "/" + db, "--spring.datasource.username=postgres",
                "--fuwu.data-dir=target/bench-data", "--fuwu.crypto.generate-demo-key=true",
                "--fuwu.contact.anonymous-starts-per-window=1000000000", "--fuwu.contact.after-contact-work=0s",
                "--fuwu.queueing.schedule.jobs-enabled=false", "--logging.level.root=WARN"));
        Path log = Path.of("target", "bench", "fuwu-chat.log");
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitReady(Process app) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < until) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Fuwu stopped; see target/bench/fuwu-chat.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
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

    private String post(String path, String bearer, String body) throws Exception {
        return send("POST", path, bearer, body);
    }

    private String send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
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
}
