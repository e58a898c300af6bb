package org.fuwu.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param loginMaxFailures failed logins, per account or per client address, that lock further attempts
 * @param loginWindow the window in which they count, and so the length of a lock
 * @param bearerTokenTtl the life of a staff token from {@code POST /api/v1/auth/token}
 */
@ConfigurationProperties("fuwu.security")
public record FuwuSecurityProperties(int loginMaxFailures, Duration loginWindow, Duration bearerTokenTtl) {

    public FuwuSecurityProperties {
        loginMaxFailures = loginMaxFailures <= 0 ? 5 : loginMaxFailures;
        loginWindow = loginWindow == null ? Duration.ofMinutes(5) : loginWindow;
        bearerTokenTtl = bearerTokenTtl == null ? Duration.ofHours(1) : bearerTokenTtl;
    }
}
