package org.fuwu.staff.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of staff accounts: every change is validated, audited (never a password or a
 * hash), and made in one transaction with its audit record.
 */
@Service
@Transactional
public class StaffAccountService {

    /** A new account, as entered: roles and scope level still as text, so each is checked and named. */
    public record CreateCommand(String username, String displayName, String employeeNumber, String password,
                                Collection<String> roles, String scopeLevel, String scopeCode,
                                Map<String, Integer> skills, Boolean enabled) {
    }

    /** A change of an account's profile; {@code version}, when given, must be the current one. */
    public record UpdateCommand(String displayName, String employeeNumber, Collection<String> roles, String scopeLevel,
                                String scopeCode, Boolean enabled, Long version) {
    }

    private final StaffAccountRepository accounts;
    private final SkillRepository skills;
    private final ApiTokenRepository tokens;
    private final StaffScopes scopes;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    public StaffAccountService(StaffAccountRepository accounts, SkillRepository skills, ApiTokenRepository tokens,
                               StaffScopes scopes, PasswordEncoder encoder, AuditLog audit, Clock clock,
                               ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.skills = skills;
        this.tokens = tokens;
        this.scopes = scopes;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StaffAccount get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("staff", id));
    }

    @Transactional(readOnly = true)
    public StaffAccountRepository.Page search(String query, Boolean enabled, int page, int size, String sort, boolean desc) {
        return accounts.search(query, enabled, page, size, sort, desc);
    }

    public StaffAccount create(CreateCommand c) {
        String username = StaffAccountRepository.normalise(c.username());
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (!username.matches(USERNAME)) {
            errors.add(new FieldValidationException.FieldError("username", "staff.username.invalid"));
        }
        profile(c.displayName(), c.employeeNumber(), errors);
        PasswordPolicy.check(c.password(), username)
                .ifPresent(v -> errors.add(new FieldValidationException.FieldError("password", v.messageKey())));
        Set<Role> roles = roles(c.roles(), errors);
        Scope.Level level = level(c.scopeLevel(), errors);
        String code = level == null ? null : scopeCode(level, c.scopeCode(), errors);
        Map<String, Integer> skillLevels = skillLevels(c.skills(), errors);
        String employee = blankToNull(c.employeeNumber());
        throwIfAny(errors);
        if (accounts.usernameTaken(username)) {
            throw new ConflictException("staff.conflict.username", username);
        }
        if (employee != null && accounts.employeeNumberTaken(employee, -1)) {
            throw new ConflictException("staff.conflict.employee-number", employee);
        }
        Instant now = clock.instant();
        long id = accounts.insert(new StaffAccountRepository.NewAccount(username, c.displayName().trim(), employee,
                c.enabled() == null || c.enabled(), roles, level, code, skillLevels), encoder.encode(c.password()), now);
        audit.success("staff.account.create", "staff:" + id, Map.of("username", username, "roles", names(roles),
                "scope", label(level, code)));
        return get(id);
    }

    public StaffAccount update(long id, UpdateCommand c) {
        StaffAccount current = get(id);
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        profile(c.displayName(), c.employeeNumber(), errors);
        Set<Role> roles = roles(c.roles(), errors);
        Scope.Level level = level(c.scopeLevel(), errors);
        String code = level == null ? null : scopeCode(level, c.scopeCode(), errors);
        String employee = blankToNull(c.employeeNumber());
        throwIfAny(errors);
        if (c.version() != null && c.version() != current.version()) {
            throw new ConflictException("staff.conflict.version");
        }
        if (employee != null && accounts.employeeNumberTaken(employee, id)) {
            throw new ConflictException("staff.conflict.employee-number", employee);
        }
        boolean enabled = c.enabled() == null ? current.enabled() : c.enabled();
        guardSelf(id, roles, enabled);
        Instant now = clock.instant();
        accounts.update(id, current.version(), c.displayName().trim(), employee, roles, level, code, now);
        if (enabled != current.enabled()) {
            accounts.setEnabled(id, enabled, now);
            if (!enabled) {
                endSessions(current, now);
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("roles", names(roles));
        details.put("scope", label(level, code));
        details.put("enabled", Boolean.toString(enabled));
        audit.success("staff.account.update", "staff:" + id, details);
        return get(id);
    }

    public StaffAccount setEnabled(long id, boolean enabled) {
        StaffAccount current = get(id);
        guardSelf(id, current.roles(), enabled);
        if (current.enabled() != enabled) {
            Instant now = clock.instant();
            accounts.setEnabled(id, enabled, now);
            if (!enabled) {
                endSessions(current, now);
            }
            audit.success(enabled ? "staff.account.enable" : "staff.account.disable", "staff:" + id);
        }
        return get(id);
    }

    /** Sets a new password (the policy applies) and ends the account's bearer tokens. */
    public void resetPassword(long id, String password) {
        StaffAccount current = get(id);
        PasswordPolicy.check(password, current.username()).ifPresent(v -> {
            throw FieldValidationException.of("password", v.messageKey());
        });
        Instant now = clock.instant();
        accounts.setPasswordHash(id, encoder.encode(password), now);
        int ended = endSessions(current, now);
        audit.success("staff.account.password-reset", "staff:" + id, Map.of("endedSessions", Integer.toString(ended)));
    }

    public StaffAccount replaceSkills(long id, Map<String, Integer> levels) {
        get(id);
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> checked = skillLevels(levels, errors);
        throwIfAny(errors);
        accounts.replaceSkills(id, checked);
        accounts.touch(id, clock.instant());
        audit.success("staff.account.skills", "staff:" + id, Map.of("skills", String.join(",", new TreeSet<>(checked.keySet()))));
        return get(id);
    }

    /**
     * Ends everything the account is logged in with: its bearer tokens and its browser sessions
     * (when sessions are kept in a repository that finds them by username). Answers how many.
     */
    private int endSessions(StaffAccount account, Instant now) {
        int ended = tokens.revokeSessionsOf(account.id(), CurrentStaff.auditName(), now);
        FindByIndexNameSessionRepository<? extends Session> repo = sessions.getIfAvailable();
        if (repo != null) {
            for (String sessionId : repo.findByPrincipalName(account.username()).keySet()) {
                repo.deleteById(sessionId);
                ended++;
            }
        }
        return ended;
    }

    /** An administrator may not lock themselves out: no disabling or de-ADMINing of one's own account. */
    private void guardSelf(long id, Set<Role> roles, boolean enabled) {
        boolean self = CurrentStaff.find().map(p -> p.accountId() == id).orElse(false);
        if (self && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new ConflictException("staff.conflict.self");
        }
    }

    /** What a username may be (stored lower-case): 3 to 60 letters, digits, dots, dashes, underscores. */
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,59}";

    private static void profile(String displayName, String employeeNumber, List<FieldValidationException.FieldError> errors) {
        if (displayName == null || displayName.isBlank()) {
            errors.add(new FieldValidationException.FieldError("displayName", "validation.NotBlank"));
        } else if (displayName.trim().length() > 100) {
            errors.add(new FieldValidationException.FieldError("displayName", "validation.Size"));
        }
        if (employeeNumber != null && employeeNumber.trim().length() > 30) {
            errors.add(new FieldValidationException.FieldError("employeeNumber", "validation.Size"));
        }
    }

    private static Set<Role> roles(Collection<String> names, List<FieldValidationException.FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null || names.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("roles", "staff.roles.required"));
            return roles;
        }
        for (String n : names) {
            try {
                roles.add(Role.valueOf(n == null ? "" : n.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldValidationException.FieldError("roles", "staff.roles.unknown", String.valueOf(n)));
            }
        }
        return roles;
    }

    private static Scope.Level level(String name, List<FieldValidationException.FieldError> errors) {
        try {
            return Scope.Level.valueOf(name == null ? "" : name.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldValidationException.FieldError("scopeLevel", "staff.scope.level-unknown"));
            return null;
        }
    }

    private String scopeCode(Scope.Level level, String code, List<FieldValidationException.FieldError> errors) {
        if (level == Scope.Level.BANK) {
            return null;
        }
        String c = blankToNull(code);
        if (c == null) {
            errors.add(new FieldValidationException.FieldError("scopeCode", "staff.scope.code-required"));
        } else if (!scopes.exists(level, c)) {
            errors.add(new FieldValidationException.FieldError("scopeCode",
                    level == Scope.Level.BRANCH ? "staff.scope.unknown-branch" : "staff.scope.unknown-region", c));
        }
        return c;
    }

    private Map<String, Integer> skillLevels(Map<String, Integer> levels, List<FieldValidationException.FieldError> errors) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (levels == null) {
            return out;
        }
        levels.forEach((code, level) -> {
            if (level == null || level < 1 || level > 5) {
                errors.add(new FieldValidationException.FieldError("skills." + code, "staff.skill.level"));
            } else if (code == null || !skills.exists(code)) {
                errors.add(new FieldValidationException.FieldError("skills." + code, "staff.skill.unknown", String.valueOf(code)));
            } else {
                out.put(code, level);
            }
        });
        return out;
    }

    private static void throwIfAny(List<FieldValidationException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String names(Set<Role> roles) {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }

    private static String label(Scope.Level level, String code) {
        return level == Scope.Level.BANK ? "BANK" : level + ":" + code;
    }
}
