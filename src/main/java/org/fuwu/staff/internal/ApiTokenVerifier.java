package org.fuwu.staff.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.security.BearerTokenVerifier;
import org.springframework.stereotype.Component;

/**
 * Checks bearer tokens: a SESSION token stands for its staff account (as it is now: a disabled
 * account's tokens stop working, role changes apply at once); a MACHINE token for a synthetic
 * principal {@code token:<name>} with the token's own roles and scope. Unknown, malformed, expired
 * and revoked tokens are refused.
 */
@Component
class ApiTokenVerifier implements BearerTokenVerifier {

    static final Duration USE_MARK_INTERVAL = Duration.ofMinutes(1);
    static final String SESSION_TOKEN_NAME = "session";

    private final ApiTokenRepository tokens;
    private final StaffAccountRepository accounts;
    private final StaffScopes scopes;
    private final Clock clock;
    private final Map<Long, Instant> lastMarked = new ConcurrentHashMap<>();

    ApiTokenVerifier(ApiTokenRepository tokens, StaffAccountRepository accounts, StaffScopes scopes, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.scopes = scopes;
        this.clock = clock;
    }

    @Override
    public Optional<StaffPrincipal> verify(String token) {
        if (!TokenCodec.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = tokens.findByHash(TokenCodec.hash(token))
                .filter(t -> t.status(now) == ApiToken.Status.ACTIVE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        Optional<StaffPrincipal> principal = switch (t.kind()) {
            case SESSION -> t.accountId() == null ? Optional.empty() : accounts.findById(t.accountId())
                    .filter(StaffAccount::enabled)
                    .map(a -> StaffCredentialsAdapter.principalOf(a, scopes, SESSION_TOKEN_NAME));
            case MACHINE -> t.scopeLevel() == null ? Optional.empty()
                    : Optional.of(new StaffPrincipal(0L, "token:" + t.name(), t.name(), t.roles(),
                            scopes.resolve(t.scopeLevel(), t.scopeCode()), t.name()));
        };
        principal.ifPresent(p -> markUsed(t.id(), now));
        return principal;
    }

    private void markUsed(long id, Instant now) {
        Instant last = lastMarked.get(id);
        if (last != null && now.isBefore(last.plus(USE_MARK_INTERVAL))) {
            return;
        }
        lastMarked.put(id, now);
        tokens.markUsed(id, now, now.minus(USE_MARK_INTERVAL));
        if (lastMarked.size() > 10_000) {
            lastMarked.clear();
        }
    }
}
