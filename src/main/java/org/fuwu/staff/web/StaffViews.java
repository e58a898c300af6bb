package org.fuwu.staff.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.staff.internal.ApiToken;
import org.fuwu.staff.internal.Skill;
import org.fuwu.staff.internal.StaffAccount;

/** The JSON shapes of the staff API. None of them holds a password, a hash or a token's stored hash. */
final class StaffViews {

    private StaffViews() {
    }

    record ScopeView(String level, String code, String label) {
        static ScopeView of(Scope.Level level, String code) {
            return new ScopeView(level.name(), code, level == Scope.Level.BANK ? "BANK" : level + ":" + code);
        }
    }

    record SkillLevel(String code, int proficiency) {
    }

    record AccountView(long id, String username, String displayName, String employeeNumber, boolean enabled,
                       List<String> roles, ScopeView scope, List<SkillLevel> skills, long version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static AccountView of(StaffAccount a) {
            return new AccountView(a.id(), a.username(), a.displayName(), a.employeeNumber(), a.enabled(),
                    a.roles().stream().map(Role::name).sorted().toList(), ScopeView.of(a.scopeLevel(), a.scopeCode()),
                    a.skills().entrySet().stream().map(e -> new SkillLevel(e.getKey(), e.getValue())).toList(),
                    a.version(), time(a.createdAt()), time(a.updatedAt()));
        }
    }

    record MeView(String username, String displayName, List<String> roles, MeScope scope, String tokenName) {
        static MeView of(StaffPrincipal p) {
            return new MeView(p.username(), p.displayName(), p.roles().stream().map(Role::name).sorted().toList(),
                    new MeScope(p.scope().level().name(), p.scope().code(), p.scope().label(),
                            p.scope().branchCodes().stream().sorted().toList()), p.tokenName());
        }
    }

    record MeScope(String level, String code, String label, List<String> branchCodes) {
    }

    record SkillView(String code, String nameZh, String nameEn) {
        static SkillView of(Skill s) {
            return new SkillView(s.code(), s.nameZh(), s.nameEn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenView(long id, String kind, String name, List<String> roles, ScopeView scope, String status,
                     String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                     OffsetDateTime lastUsedAt, String token) {
        static TokenView of(ApiToken t, Instant now, String rawValue) {
            return new TokenView(t.id(), t.kind().name(), t.name(), t.roles().stream().map(Role::name).sorted().toList(),
                    t.scopeLevel() == null ? null : ScopeView.of(t.scopeLevel(), t.scopeCode()), t.status(now).name(),
                    t.createdBy(), time(t.createdAt()), time(t.expiresAt()), time(t.revokedAt()), time(t.lastUsedAt()),
                    rawValue);
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Map<String, Integer> skillMap(List<SkillLevel> levels) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        if (levels != null) {
            levels.forEach(l -> m.put(l.code(), l.proficiency()));
        }
        return m;
    }
}
