package org.fuwu.staff.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.security.FuwuSecurityProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes API tokens. The raw value of a token exists only in the answer to its
 * creation; the database keeps its SHA-256.
 */
@Service
@Transactional
public class ApiTokenService {

    /** A token just made: its record, and its value, to be shown once. */
    public record Issued(ApiToken token, String value) {
    }

    /** A machine token to make; roles and scope level as text, so each is checked and named. */
    public record MachineCommand(String name, Collection<String> roles, String scopeLevel, String scopeCode,
                                 Instant expiresAt) {
    }

    private final ApiTokenRepository tokens;
    private final StaffScopes scopes;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration sessionTtl;

    public ApiTokenService(ApiTokenRepository tokens, StaffScopes scopes, AuditLog audit, Clock clock,
                           FuwuSecurityProperties security) {
        this.tokens = tokens;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.sessionTtl = security.bearerTokenTtl();
    }

    /** A staff member's bearer token, after a successful password check. */
    public Issued issueSession(StaffPrincipal principal, String origin) {
        Instant now = clock.instant();
        String value = TokenCodec.generate();
        long id = tokens.insert(ApiToken.Kind.SESSION, principal.username(), TokenCodec.hash(value), principal.accountId(),
                Set.of(), null, null, principal.username(), now, now.plus(sessionTtl));
        audit.recordAs(principal.username(), origin, "auth.token.issue", "token:" + id, AuditLog.Outcome.SUCCESS,
                Map.of("kind", "SESSION"));
        return new Issued(get(id), value);
    }

    public Issued createMachine(MachineCommand c) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (c.roles() == null || c.roles().isEmpty()) {
            errors.add(new FieldValidationException.FieldError("roles", "staff.roles.required"));
        } else {
            for (String r : c.roles()) {
                try {
                    roles.add(Role.valueOf(r == null ? "" : r.trim()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldValidationException.FieldError("roles", "staff.roles.unknown", String.valueOf(r)));
                }
            }
        }
        Scope.Level level = null;
        try {
            level = Scope.Level.valueOf(c.scopeLevel() == null ? "" : c.scopeLevel().trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldValidationException.FieldError("scopeLevel", "staff.scope.level-unknown"));
        }
        String code = level == null || level == Scope.Level.BANK ? null : StaffAccountService.blankToNull(c.scopeCode());
        if (level != null && level != Scope.Level.BANK) {
            if (code == null) {
                errors.add(new FieldValidationException.FieldError("scopeCode", "staff.scope.code-required"));
            } else if (!scopes.exists(level, code)) {
                errors.add(new FieldValidationException.FieldError("scopeCode",
                        level == Scope.Level.BRANCH ? "staff.scope.unknown-branch" : "staff.scope.unknown-region", code));
            }
        }
        Instant now = clock.instant();
        if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
            errors.add(new FieldValidationException.FieldError("expiresAt", "staff.token.expiry-past"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        String name = c.name().trim();
        if (tokens.activeMachineNameTaken(name)) {
            throw new ConflictException("staff.conflict.token-name", name);
        }
        String value = TokenCodec.generate();
        long id = tokens.insert(ApiToken.Kind.MACHINE, name, TokenCodec.hash(value), null, roles, level, code,
                CurrentStaff.auditName(), now, c.expiresAt());
        audit.success("staff.token.create", "token:" + id, Map.of("name", name, "kind", "MACHINE",
                "roles", String.join(",", roles.stream().map(Role::name).sorted().toList()),
                "scope", level == Scope.Level.BANK ? "BANK" : level + ":" + code));
        return new Issued(get(id), value);
    }

    @Transactional(readOnly = true)
    public ApiToken get(long id) {
        return tokens.findById(id).orElseThrow(() -> new NotFoundException("token", id));
    }

    @Transactional(readOnly = true)
    public List<ApiToken> machineTokens(int page, int size) {
        return tokens.list(ApiToken.Kind.MACHINE, page, size);
    }

    @Transactional(readOnly = true)
    public long machineTokenCount() {
        return tokens.count(ApiToken.Kind.MACHINE);
    }

    /** Revokes a token; revoking a revoked token changes nothing. */
    public ApiToken revoke(long id) {
        get(id);
        if (tokens.revoke(id, CurrentStaff.auditName(), clock.instant())) {
            audit.success("staff.token.revoke", "token:" + id);
        }
        return get(id);
    }
}
