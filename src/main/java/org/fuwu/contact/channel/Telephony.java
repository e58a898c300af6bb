package org.fuwu.contact.channel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fuwu.contact.internal.CtiService;
import org.fuwu.contact.internal.TelephonyPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Which {@link TelephonyPort} runs ({@code fuwu.contact.telephony.mode}): {@code demo} (the default, no
 * phone system) or {@code http} (the bank's telephony bridge, e.g. a small Asterisk ARI or FreeSWITCH
 * event-socket application, receives each softphone command as a signed JSON POST and reports the call's
 * events back to the CTI API).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Telephony.Properties.class)
class Telephony {

    /**
     * @param mode demo or http
     * @param url http: where commands are POSTed
     * @param signingSecret http: the HMAC-SHA256 key of {@code X-Fuwu-Signature} (over timestamp + "." + body)
     */
    @ConfigurationProperties("fuwu.contact.telephony")
    record Properties(@DefaultValue("demo") String mode, String url, String signingSecret) {
    }

    @Bean
    TelephonyPort telephonyPort(Properties p, ObjectProvider<CtiService> cti, Clock clock) {
        if ("http".equalsIgnoreCase(p.mode())) {
            if (p.url() == null || p.url().isBlank() || p.signingSecret() == null || p.signingSecret().length() < 16) {
                throw new IllegalStateException("fuwu.contact.telephony.mode=http needs url and a signing-secret of 16+ characters");
            }
            return new HttpTelephony(URI.create(p.url()), p.signingSecret(), clock);
        }
        org.slf4j.LoggerFactory.getLogger(Telephony.class).warn(
                "contact centre: DEMO telephony (fuwu.contact.telephony.mode=demo): softphone commands are answered by "
                        + "Fuwu itself and nothing is dialled; set mode=http for the bank's telephony bridge");
        return new DemoTelephony(cti);
    }

    /**
     * The embedded default's phone system, clearly not a real one: every command is taken, and the event a
     * real platform would report comes back a moment later (ANSWER → ANSWERED, HOLD → HELD, RESUME →
     * RESUMED, TRANSFER → TRANSFERRED, HANGUP → ENDED, DIAL → ANSWERED). Nothing is dialled.
     */
    static final class DemoTelephony implements TelephonyPort {

        private static final Logger log = LoggerFactory.getLogger(DemoTelephony.class);
        private final ObjectProvider<CtiService> cti;
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fuwu-demo-telephony");
            t.setDaemon(true);
            return t;
        });

        DemoTelephony(ObjectProvider<CtiService> cti) {
            this.cti = cti;
        }

        @Override
        public boolean send(Command command, String callId, String agentUsername, String target) {
            String event = switch (command) {
                case ANSWER, DIAL -> "ANSWERED";
                case HOLD -> "HELD";
                case RESUME -> "RESUMED";
                case TRANSFER -> "TRANSFERRED";
                case HANGUP -> "ENDED";
            };
            // after the caller's transaction, as a real platform's event would arrive
            thread.schedule(() -> {
                try {
                    cti.getObject().event(callId, event, null);
                } catch (RuntimeException e) {
                    log.warn("demo telephony: event {} for call {} failed: {}", event, callId, e.toString());
                }
            }, 50, TimeUnit.MILLISECONDS);
            return true;
        }
    }

    /** The bank's telephony bridge over HTTP. */
    static final class HttpTelephony implements TelephonyPort {

        private static final Logger log = LoggerFactory.getLogger(HttpTelephony.class);
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final URI url;
        private final String secret;
        private final Clock clock;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        HttpTelephony(URI url, String secret, Clock clock) {
            this.url = url;
            this.secret = secret;
            this.clock = clock;
        }

        @Override
        public boolean send(Command command, String callId, String agentUsername, String target) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("command", command.name());
            body.put("callId", callId);
            body.put("agent", agentUsername);
            if (target != null) {
                body.put("target", target);
            }
            String json = JSON.writeValueAsString(body);
            String ts = String.valueOf(clock.instant().getEpochSecond());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3))
                        .header("Content-Type", "application/json").header("X-Fuwu-Timestamp", ts)
                        .header("X-Fuwu-Signature", Signatures.smsSignature(secret, ts, json.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return r.statusCode() / 100 == 2;
            } catch (java.io.IOException e) {
                log.warn("telephony bridge unreachable for {} of call {}: {}", command, callId, e.getClass().getSimpleName());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
