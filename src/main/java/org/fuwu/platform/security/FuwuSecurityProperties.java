package org.fuwu.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param loginMaxFailures failed logins of one account that lock further attempts
 * @param loginMaxFailuresPerOrigin failed logins from one client address that lock further attempts from it
 * @param loginWindow the window in which they count, and so the length of a lock
 * @param bearerTokenTtl the life of a staff token from {@code POST /api/v1/auth/token}
 */
@ConfigurationProperties("fuwu.security")
public record FuwuSecurityProperties(int loginMaxFailures, int loginMaxFailuresPerOrigin, Duration loginWindow,
                                     Duration bearerTokenTtl) {

    public FuwuSecurityProperties {
        loginMaxFailures = loginMaxFailures <= 0 ? 5 : loginMaxFailures;
        loginMaxFailuresPerOrigin = loginMaxFailuresPerOrigin <= 0 ? 5 : loginMaxFailuresPerOrigin;
        loginWindow = loginWindow == null ? Duration.ofMinutes(5) : loginWindow;
        bearerTokenTtl = bearerTokenTtl == null ? Duration.ofHours(1) : bearerTokenTtl;
    }
}
