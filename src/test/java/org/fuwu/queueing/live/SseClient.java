package org.fuwu.queueing.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test client of a text/event-stream over real HTTP (java.net.http): parses events into a queue.
 */
public final class SseClient implements AutoCloseable {

    /** One received event. */
    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile int status;

    private SseClient(String url, String lastEventId) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            req.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(req.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            status = r.statusCode();
            lines = r.body();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) r.body()::iterator) {
                    if (line.isEmpty()) {
                        if (name != null || data.length() > 0) {
                            events.add(new Event(id, name == null ? "message" : name, data.toString()));
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException closed) {
                // the stream was closed by the test
            }
        });
    }

    public static SseClient open(String url) {
        return new SseClient(url, null);
    }

    public static SseClient open(String url, String lastEventId) {
        return new SseClient(url, lastEventId);
    }

    public int status() throws Exception {
        return response.get(5, TimeUnit.SECONDS).statusCode();
    }

    /** The next event matching, within the time; null when none came. */
    public Event next(Predicate<Event> matching, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            if (matching.test(e)) {
                return e;
            }
        }
    }

    /** The next event of this name, within the time; null when none came. */
    public Event next(String name, Duration within) throws InterruptedException {
        return next(e -> name.equals(e.name()), within);
    }

    @Override
    public void close() {
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        response.cancel(true);
    }
}
