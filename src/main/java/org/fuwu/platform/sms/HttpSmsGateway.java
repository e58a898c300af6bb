package org.fuwu.platform.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank's SMS gateway over HTTP ({@code fuwu.sms.gateway=http}).
 *
 * <p>Each message is one {@code POST} of {@code {"to":…,"text":…,"reference":…}} (UTF-8 JSON) to
 * {@code fuwu.sms.http.url}, with
 * <ul>
 *   <li>{@code X-Fuwu-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed by the signing secret>},</li>
 *   <li>{@code X-Fuwu-Timestamp: <Unix seconds of the attempt>},</li>
 *   <li>{@code Idempotency-Key: <reference>} (the reference is also in the signed body, so a replayed
 *       request is the same message again and a gateway that deduplicates by reference sends it once),</li>
 *   <li>{@code Authorization: Bearer <api key>} when an API key is configured.</li>
 * </ul>
 * A 2xx answer is acceptance (the gateway's id is read from a JSON {@code id} or {@code messageId} when
 * present); any other answer below 500 is a rejection, not retried; a 5xx, a timeout or a broken connection
 * is retried up to {@code max-attempts} in all with a doubling pause, then reported as failed. Nothing about
 * the recipient but the masked number is logged, and never the text.
 */
public class HttpSmsGateway implements SmsGateway {

    public static final String SIGNATURE_HEADER = "X-Fuwu-Signature";
    public static final String TIMESTAMP_HEADER = "X-Fuwu-Timestamp";

    private static final Logger log = LoggerFactory.getLogger(HttpSmsGateway.class);
    /** A gateway's error code may be shown; free text may not (it could echo the number). */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,40}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsProperties.Http settings;
    private final HttpClient client;
    private final Clock clock;
    private final SecretKeySpec key;

    public HttpSmsGateway(SmsProperties.Http settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.key = new SecretKeySpec(settings.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SmsResult send(SmsMessage message) {
        byte[] body = body(message);
        String signature = "sha256=" + sign(key, body);
        String last = null;
        int attempts = settings.maxAttempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request(message, body, signature),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String id = messageId(response.body());
                    log.info("SMS accepted by the gateway: to={} reference={} id={} attempt={}", message.maskedTo(),
                            message.reference(), id, attempt);
                    return SmsResult.accepted(id);
                }
                if (status < 500) {
                    String reason = "HTTP " + status + errorCode(response.body());
                    log.warn("SMS rejected by the gateway: to={} reference={} reason={}", message.maskedTo(),
                            message.reference(), reason);
                    return SmsResult.rejected(reason);
                }
                last = "HTTP " + status;
            } catch (HttpTimeoutException e) {
                last = "timeout";
            } catch (IOException e) {
                last = "connection: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SmsResult.failed("interrupted");
            }
            if (attempt < attempts) {
                log.debug("SMS attempt {} of {} failed ({}): reference={}", attempt, attempts, last, message.reference());
                if (!pause(settings.retryBackoff().multipliedBy(1L << (attempt - 1)))) {
                    return SmsResult.failed("interrupted");
                }
            }
        }
        log.warn("SMS failed after {} attempts: to={} reference={} reason={}", attempts, message.maskedTo(),
                message.reference(), last);
        return SmsResult.failed(last);
    }

    private HttpRequest request(SmsMessage message, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.url()).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header(SIGNATURE_HEADER, signature)
                .header(TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
                .header("Idempotency-Key", message.reference())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            b.header("Authorization", "Bearer " + settings.apiKey());
        }
        return b.build();
    }

    /** The request body: {@code {"to":…,"text":…,"reference":…}} in that order, UTF-8. */
    static byte[] body(SmsMessage message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("to", message.to());
        fields.put("text", message.text());
        fields.put("reference", message.reference());
        return JSON.writeValueAsBytes(fields);
    }

    /** The lower-case hex HMAC-SHA256 of the bytes. */
    static String sign(SecretKeySpec key, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String messageId(String body) {
        JsonNode node = json(body);
        if (node == null) {
            return null;
        }
        for (String field : new String[] {"id", "messageId"}) {
            JsonNode v = node.get(field);
            if (v != null && v.isValueNode() && !v.asString().isBlank()) {
                String id = v.asString();
                return id.length() > 100 ? id.substring(0, 100) : id;
            }
        }
        return null;
    }

    private static String errorCode(String body) {
        JsonNode node = json(body);
        if (node == null) {
            return "";
        }
        for (String field : new String[] {"code", "error"}) {
            JsonNode v = node.get(field);
            if (v != null && v.isValueNode() && ERROR_CODE.matcher(v.asString()).matches()) {
                return " " + v.asString();
            }
        }
        return "";
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
