package org.fuwu.staff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens in the database, found by the SHA-256 of their value. */
@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a token by its hash and answers its id. */
    public long insert(ApiToken.Kind kind, String name, String tokenHash, Long accountId, Set<Role> roles,
                       Scope.Level scopeLevel, String scopeCode, String createdBy, Instant now, Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into staff_api_token (kind, name, token_hash, account_id, roles, scope_level, scope_code,
                    created_by, created_at, expires_at)
                values (:k, :n, :h, :a, :r, :l, :c, :by, :now, :exp)""")
                .param("k", kind.name()).param("n", name).param("h", tokenHash).param("a", accountId)
                .param("r", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("l", scopeLevel == null ? null : scopeLevel.name()).param("c", scopeCode)
                .param("by", createdBy).param("now", Timestamp.from(now))
                .param("exp", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<ApiToken> findByHash(String tokenHash) {
        return jdbc.sql("select * from staff_api_token where token_hash = :h").param("h", tokenHash)
                .query((rs, n) -> row(rs)).optional();
    }

    public Optional<ApiToken> findById(long id) {
        return jdbc.sql("select * from staff_api_token where id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    public List<ApiToken> list(ApiToken.Kind kind, int page, int size) {
        return jdbc.sql("select * from staff_api_token where kind = :k order by created_at desc, id desc limit :lim offset :off")
                .param("k", kind.name()).param("lim", size).param("off", (long) page * size)
                .query((rs, n) -> row(rs)).list();
    }

    public long count(ApiToken.Kind kind) {
        return jdbc.sql("select count(*) from staff_api_token where kind = :k").param("k", kind.name())
                .query(Long.class).single();
    }

    /** Whether an unrevoked machine token has this name. */
    public boolean activeMachineNameTaken(String name) {
        return jdbc.sql("select count(*) from staff_api_token where kind = 'MACHINE' and name = :n and revoked_at is null")
                .param("n", name).query(Long.class).single() > 0;
    }

    /** Revokes the token; false when it was already revoked. */
    public boolean revoke(long id, String by, Instant now) {
        return jdbc.sql("update staff_api_token set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", Timestamp.from(now)).param("by", by).param("id", id).update() > 0;
    }

    /** Revokes every unrevoked SESSION token of an account; answers how many. */
    public int revokeSessionsOf(long accountId, String by, Instant now) {
        return jdbc.sql("update staff_api_token set revoked_at = :now, revoked_by = :by "
                        + "where account_id = :a and kind = 'SESSION' and revoked_at is null")
                .param("now", Timestamp.from(now)).param("by", by).param("a", accountId).update();
    }

    /** Records a use, unless one was recorded after {@code notBefore} (so at most one write a minute). */
    public void markUsed(long id, Instant now, Instant notBefore) {
        jdbc.sql("update staff_api_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :nb)")
                .param("now", Timestamp.from(now)).param("id", id).param("nb", Timestamp.from(notBefore)).update();
    }

    private static ApiToken row(ResultSet rs) throws SQLException {
        String roles = rs.getString("roles");
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles != null && !roles.isBlank()) {
            Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(s -> {
                try {
                    parsed.add(Role.valueOf(s));
                } catch (IllegalArgumentException ignored) {
                    // a role that no longer exists grants nothing
                }
            });
        }
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        String level = rs.getString("scope_level");
        return new ApiToken(rs.getLong("id"), ApiToken.Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                accountId, parsed, level == null ? null : Scope.Level.valueOf(level), rs.getString("scope_code"),
                rs.getString("created_by"), StaffAccountRepository.instant(rs, "created_at"),
                StaffAccountRepository.instant(rs, "expires_at"), StaffAccountRepository.instant(rs, "revoked_at"),
                rs.getString("revoked_by"), StaffAccountRepository.instant(rs, "last_used_at"));
    }
}
