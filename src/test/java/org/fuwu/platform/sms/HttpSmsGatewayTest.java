package org.fuwu.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP gateway against a real local HTTP server that checks every request as a bank's gateway would:
 * the HMAC signature over the exact body (401 when it does not match), the timestamp, the API key and
 * the JSON fields; it answers with a scripted list of statuses.
 */
@ExtendWith(OutputCaptureExtension.class)
class HttpSmsGatewayTest {

    private static final String SECRET = "test-signing-secret-0123456789";
    private static final String API_KEY = "test-api-key";
    private static final String MOBILE = "13912345678";
    private static final Instant NOW = Instant.parse("2026-12-01T08:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as the server saw it, after its checks. */
    record Seen(String body, String signature, String timestamp, String authorization, String idempotencyKey,
                boolean signatureValid) {
    }

    /** One scripted answer: a status, a body, and how long to wait before answering. */
    record Answer(int status, String body, long delayMillis) {
    }

    private HttpServer server;
    private ExecutorService executor;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/sms", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String signature = ex.getRequestHeaders().getFirst("X-Fuwu-Signature");
        boolean valid = signature != null && MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                ("sha256=" + hmac(SECRET, body)).getBytes(StandardCharsets.US_ASCII));
        seen.add(new Seen(new String(body, StandardCharsets.UTF_8), signature,
                ex.getRequestHeaders().getFirst("X-Fuwu-Timestamp"), ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Idempotency-Key"), valid));
        Answer a;
        synchronized (script) {
            a = script.isEmpty() ? new Answer(200, "{}", 0) : script.poll();
        }
        if (!valid || !"POST".equals(ex.getRequestMethod())) {
            a = new Answer(401, "{\"code\":\"BAD_SIGNATURE\"}", 0);
        }
        if (a.delayMillis() > 0) {
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: fine
        } finally {
            ex.close();
        }
    }

    private void answer(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
    }

    private HttpSmsGateway gateway(String secret, Duration requestTimeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        return new HttpSmsGateway(new SmsProperties.Http(url, API_KEY, secret, Duration.ofSeconds(2), requestTimeout, 3,
                Duration.ofMillis(20)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpSmsGateway gateway() {
        return gateway(SECRET, Duration.ofSeconds(5));
    }

    private static SmsMessage message() {
        return new SmsMessage(MOBILE, "【服务银行】您的 A012 号即将叫到，前面还有 2 位，请回到大堂等候。", "queue-almost-42");
    }

    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAcceptedMessageIsPostedAsSignedJsonAndCarriesTheGatewaysId() {
        answer(new Answer(200, "{\"id\":\"gw-7781\"}", 0));

        SmsResult r = gateway().send(message());

        assertThat(r).isEqualTo(SmsResult.accepted("gw-7781"));
        assertThat(seen).hasSize(1);
        Seen s = seen.get(0);
        assertThat(s.signatureValid()).as("the server verified the HMAC of the body").isTrue();
        assertThat(s.signature()).matches("sha256=[0-9a-f]{64}");
        assertThat(s.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(s.authorization()).isEqualTo("Bearer " + API_KEY);
        assertThat(s.idempotencyKey()).isEqualTo("queue-almost-42");
        JsonNode body = JSON.readTree(s.body());
        assertThat(body.get("to").asString()).isEqualTo(MOBILE);
        assertThat(body.get("text").asString()).isEqualTo(message().text());
        assertThat(body.get("reference").asString()).isEqualTo("queue-almost-42");
        assertThat(body.propertyNames()).containsExactly("to", "text", "reference");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameSignedBodyAndTheNextAttemptIsAccepted() {
        answer(new Answer(500, "{}", 0), new Answer(200, "{\"messageId\":\"gw-2\"}", 0));

        SmsResult r = gateway().send(message());

        assertThat(r).isEqualTo(SmsResult.accepted("gw-2"));
        assertThat(seen).hasSize(2);
        assertThat(seen).allMatch(Seen::signatureValid);
        assertThat(seen.get(1).body()).isEqualTo(seen.get(0).body());
        assertThat(seen.get(1).idempotencyKey()).isEqualTo("queue-almost-42");
    }

    @Test
    void aClientErrorIsRejectedWithTheGatewaysCodeAndNotRetried() {
        answer(new Answer(400, "{\"code\":\"INVALID_NUMBER\",\"message\":\"bad number " + MOBILE + "\"}", 0),
                new Answer(200, "{\"id\":\"never\"}", 0));

        SmsResult r = gateway().send(message());

        assertThat(r.outcome()).isEqualTo(SmsResult.Outcome.REJECTED);
        assertThat(r.reason()).isEqualTo("HTTP 400 INVALID_NUMBER");
        assertThat(seen).hasSize(1);
    }

    @Test
    void serverErrorsOnEveryAttemptFailAfterTheBoundedNumberOfAttempts() {
        answer(new Answer(503, "", 0), new Answer(502, "", 0), new Answer(500, "", 0), new Answer(200, "{}", 0));

        SmsResult r = gateway().send(message());

        assertThat(r).isEqualTo(SmsResult.failed("HTTP 500"));
        assertThat(seen).hasSize(3);
    }

    @Test
    void aTimeoutIsRetried() {
        answer(new Answer(200, "{\"id\":\"too-late\"}", 1500), new Answer(200, "{\"id\":\"gw-3\"}", 0));

        SmsResult r = gateway(SECRET, Duration.ofMillis(300)).send(message());

        assertThat(r).isEqualTo(SmsResult.accepted("gw-3"));
        assertThat(seen).hasSize(2);
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedByTheVerifyingGateway() {
        SmsResult r = gateway("another-secret-not-the-gateways", Duration.ofSeconds(5)).send(message());

        assertThat(r).isEqualTo(SmsResult.rejected("HTTP 401 BAD_SIGNATURE"));
        assertThat(seen).singleElement().extracting(Seen::signatureValid).isEqualTo(false);
    }

    @Test
    void theLogsNameTheMaskedNumberOnlyAndNeverTheText(CapturedOutput output) {
        answer(new Answer(500, "", 0), new Answer(400, "{\"code\":\"BLOCKED\"}", 0));
        gateway().send(message());
        answer(new Answer(200, "{\"id\":\"gw-4\"}", 0));
        gateway().send(message());
        new LoggingSmsGateway().send(message());

        assertThat(output.getAll()).contains("139****5678").doesNotContain(MOBILE).doesNotContain("即将叫到");
        assertThat(message().toString()).contains("139****5678").doesNotContain(MOBILE);
    }

    @Test
    void theLoggingGatewayAcceptsWithItsOwnIdAndSendsNothing() {
        SmsResult r = new LoggingSmsGateway().send(message());

        assertThat(r.accepted()).isTrue();
        assertThat(r.messageId()).startsWith("log-");
        assertThat(seen).isEmpty();
    }
}
