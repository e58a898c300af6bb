package org.fuwu.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Counts failed logins in the database, so the limit holds across every instance. */
@Component
class LoginGuard {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginThrottle throttle;

    LoginGuard(JdbcClient jdbc, Clock clock, FuwuSecurityProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = new LoginThrottle(props.loginMaxFailures(), props.loginMaxFailuresPerOrigin(), props.loginWindow());
    }

    boolean locked(String username, String origin) {
        Timestamp since = Timestamp.from(clock.instant().minus(throttle.window()));
        long byUser = jdbc.sql("select count(*) from login_failure where username = :u and occurred_at > :since")
                .param("u", key(username)).param("since", since).query(Long.class).single();
        long byOrigin = jdbc.sql("select count(*) from login_failure where origin = :o and occurred_at > :since")
                .param("o", origin).param("since", since).query(Long.class).single();
        return throttle.locked(byUser, byOrigin);
    }

    void failed(String username, String origin) {
        jdbc.sql("insert into login_failure (username, origin, occurred_at) values (:u, :o, :at)")
                .param("u", key(username)).param("o", origin).param("at", Timestamp.from(clock.instant())).update();
    }

    /** A successful login clears the account's failures; the address keeps its own. */
    void succeeded(String username) {
        jdbc.sql("delete from login_failure where username = :u").param("u", key(username)).update();
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void purge() {
        Instant before = clock.instant().minus(throttle.window().multipliedBy(2));
        jdbc.sql("delete from login_failure where occurred_at < :before").param("before", Timestamp.from(before)).update();
    }

    private static String key(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return u.length() > 100 ? u.substring(0, 100) : u;
    }
}
