package org.fuwu.platform.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SMS port ({@code fuwu.sms.*}).
 *
 * @param gateway which gateway sends: {@code logging} (default; nothing is sent) or {@code http}
 * @param http the HTTP gateway's settings; required when {@code gateway=http}
 */
@ConfigurationProperties("fuwu.sms")
public record SmsProperties(Kind gateway, @DefaultValue Http http) {

    /** The implementations of the port. */
    public enum Kind {
        /** {@link LoggingSmsGateway}: the non-production default. */
        LOGGING,
        /** {@link HttpSmsGateway}: a JSON POST to the bank's gateway. */
        HTTP
    }

    /**
     * The HTTP gateway.
     *
     * @param url where messages are POSTed (http or https)
     * @param apiKey sent as {@code Authorization: Bearer <apiKey>} when set
     * @param signingSecret the HMAC-SHA256 key of the {@code X-Fuwu-Signature} header (at least 16 characters)
     * @param connectTimeout default 2 s
     * @param requestTimeout the time one attempt may take to answer; default 5 s
     * @param maxAttempts attempts for one message on a 5xx, a timeout or a broken connection; default 3
     * @param retryBackoff the pause before the second attempt, doubled before each further one; default 200 ms
     */
    public record Http(URI url, String apiKey, String signingSecret, Duration connectTimeout, Duration requestTimeout,
                       Integer maxAttempts, Duration retryBackoff) {

        public Http {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
            if (maxAttempts < 1 || maxAttempts > 5) {
                throw new IllegalArgumentException("fuwu.sms.http.max-attempts must be 1 to 5, not " + maxAttempts);
            }
        }

        @Override
        public String toString() {
            return "Http[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***") + ", signingSecret=***]";
        }
    }

    public SmsProperties {
        gateway = gateway == null ? Kind.LOGGING : gateway;
        if (gateway == Kind.HTTP) {
            if (http == null || http.url() == null || http.url().toString().isBlank()) {
                throw new IllegalStateException(
                        "fuwu.sms.gateway=http needs fuwu.sms.http.url (the bank's SMS gateway endpoint)");
            }
            String scheme = http.url().getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalStateException("fuwu.sms.http.url must be an http or https URL");
            }
            if (http.signingSecret() == null || http.signingSecret().length() < 16) {
                throw new IllegalStateException(
                        "fuwu.sms.gateway=http needs fuwu.sms.http.signing-secret (at least 16 characters) to sign each request");
            }
        }
    }
}
