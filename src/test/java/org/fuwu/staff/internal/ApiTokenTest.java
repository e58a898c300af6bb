package org.fuwu.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static ApiToken token(Instant expires, Instant revoked) {
        return new ApiToken(1, ApiToken.Kind.MACHINE, "kiosk", null, Set.of(Role.AGENT), Scope.Level.BANK, null,
                "admin", NOW.minusSeconds(60), expires, revoked, null, null);
    }

    @Test
    void withoutExpiryATokenStaysActive() {
        assertThat(token(null, null).status(NOW)).isEqualTo(ApiToken.Status.ACTIVE);
    }

    @Test
    void aTokenExpiresAtItsExpiryInstant() {
        assertThat(token(NOW.plusSeconds(1), null).status(NOW)).isEqualTo(ApiToken.Status.ACTIVE);
        assertThat(token(NOW, null).status(NOW)).isEqualTo(ApiToken.Status.EXPIRED);
    }

    @Test
    void revocationWinsOverEverything() {
        assertThat(token(NOW.plusSeconds(3600), NOW.minusSeconds(1)).status(NOW)).isEqualTo(ApiToken.Status.REVOKED);
    }
}
