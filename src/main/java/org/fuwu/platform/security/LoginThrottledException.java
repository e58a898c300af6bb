package org.fuwu.platform.security;

import org.springframework.security.core.AuthenticationException;

/** A login refused because the account or the client address is locked by the rate limit. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException() {
        super("too many failed logins; try again later");
    }
}
