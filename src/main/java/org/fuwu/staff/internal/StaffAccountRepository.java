package org.fuwu.staff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Staff accounts, their roles and skills, in the database. Passwords only ever as hashes. */
@Repository
public class StaffAccountRepository {

    /** The columns a list may be sorted by, mapped to SQL. */
    public static final Map<String, String> SORTS = Map.of(
            "username", "a.username", "displayName", "a.display_name", "employeeNumber", "a.employee_number",
            "createdAt", "a.created_at", "updatedAt", "a.updated_at", "id", "a.id");

    /** The data of a new account. */
    public record NewAccount(String username, String displayName, String employeeNumber, boolean enabled,
                             Set<Role> roles, Scope.Level scopeLevel, String scopeCode, Map<String, Integer> skills) {
    }

    /** A page of accounts and the total that match. */
    public record Page(List<StaffAccount> items, long total) {
    }

    /** What login needs: the account and its password hash. */
    public record LoginRow(StaffAccount account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    public StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lower-case, trimmed form under which usernames are stored and looked up. */
    public static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    public long insert(NewAccount a, String passwordHash, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into staff_account (username, display_name, password_hash, enabled, employee_number, scope_level,
                    scope_code, version, created_at, updated_at, password_changed_at)
                values (:u, :d, :h, :e, :n, :l, :c, 0, :now, :now, :now)""")
                .param("u", normalise(a.username())).param("d", a.displayName()).param("h", passwordHash)
                .param("e", a.enabled()).param("n", a.employeeNumber()).param("l", a.scopeLevel().name())
                .param("c", a.scopeCode()).param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceRoles(id, a.roles());
        replaceSkills(id, a.skills());
        return id;
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from staff_account where username = :u").param("u", normalise(username))
                .query(Long.class).single() > 0;
    }

    public boolean employeeNumberTaken(String employeeNumber, long exceptId) {
        return jdbc.sql("select count(*) from staff_account where employee_number = :n and id <> :id")
                .param("n", employeeNumber).param("id", exceptId).query(Long.class).single() > 0;
    }

    public Optional<StaffAccount> findById(long id) {
        return jdbc.sql("select * from staff_account a where a.id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional().map(this::complete);
    }

    /** The accounts of these ids that exist, with roles and skills. */
    public List<StaffAccount> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return completeAll(jdbc.sql("select * from staff_account a where a.id in (:ids)").param("ids", List.copyOf(ids))
                .query((rs, n) -> row(rs)).list());
    }

    /** The accounts that hold a role, with roles and skills, by id. */
    public List<StaffAccount> findByRole(org.fuwu.platform.Role role) {
        return completeAll(jdbc.sql("""
                select * from staff_account a where a.id in (select r.account_id from staff_account_role r where r.role = :r)
                order by a.id""").param("r", role.name()).query((rs, n) -> row(rs)).list());
    }

    public Optional<LoginRow> findForLogin(String username) {
        String u = normalise(username);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from staff_account a where a.username = :u").param("u", u)
                .query((rs, n) -> new LoginRow(row(rs), rs.getString("password_hash"))).optional()
                .map(r -> new LoginRow(complete(r.account()), r.passwordHash()));
    }

    /** Accounts whose username, display name or employee number contains the query (any case). */
    public Page search(String query, Boolean enabled, int page, int size, String sort, boolean descending) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            where.append(" and (a.username like :q or lower(a.display_name) like :q or lower(a.employee_number) like :q)");
            params.put("q", "%" + escapeLike(query.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (enabled != null) {
            where.append(" and a.enabled = :en");
            params.put("en", enabled);
        }
        long total = jdbc.sql("select count(*) from staff_account a" + where).params(params).query(Long.class).single();
        String order = SORTS.getOrDefault(sort, "a.username") + (descending ? " desc" : " asc") + ", a.id asc";
        params.put("lim", size);
        params.put("off", (long) page * size);
        List<StaffAccount> rows = jdbc.sql("select * from staff_account a" + where + " order by " + order
                        + " limit :lim offset :off")
                .params(params).query((rs, n) -> row(rs)).list();
        return new Page(completeAll(rows), total);
    }

    /** Updates the profile; throws when the version is not the current one (someone else changed it). */
    public void update(long id, long expectedVersion, String displayName, String employeeNumber, Set<Role> roles,
                       Scope.Level scopeLevel, String scopeCode, Instant now) {
        int n = jdbc.sql("""
                update staff_account set display_name = :d, employee_number = :n, scope_level = :l, scope_code = :c,
                    version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("d", displayName).param("n", employeeNumber).param("l", scopeLevel.name()).param("c", scopeCode)
                .param("now", Timestamp.from(now)).param("id", id).param("v", expectedVersion).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("staff account " + id + " was changed concurrently");
        }
        replaceRoles(id, roles);
    }

    public void setEnabled(long id, boolean enabled, Instant now) {
        jdbc.sql("update staff_account set enabled = :e, version = version + 1, updated_at = :now where id = :id")
                .param("e", enabled).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void setPasswordHash(long id, String hash, Instant now) {
        jdbc.sql("""
                update staff_account set password_hash = :h, password_changed_at = :now, version = version + 1,
                    updated_at = :now where id = :id""")
                .param("h", hash).param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void touch(long id, Instant now) {
        jdbc.sql("update staff_account set version = version + 1, updated_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    public void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from staff_account_role where account_id = :id").param("id", id).update();
        for (Role r : roles) {
            jdbc.sql("insert into staff_account_role (account_id, role) values (:id, :r)").param("id", id)
                    .param("r", r.name()).update();
        }
    }

    public void replaceSkills(long id, Map<String, Integer> skills) {
        jdbc.sql("delete from staff_account_skill where account_id = :id").param("id", id).update();
        skills.forEach((code, level) -> jdbc.sql(
                        "insert into staff_account_skill (account_id, skill_code, proficiency) values (:id, :c, :p)")
                .param("id", id).param("c", code).param("p", level).update());
    }

    private StaffAccount complete(StaffAccount a) {
        return completeAll(List.of(a)).get(0);
    }

    private List<StaffAccount> completeAll(List<StaffAccount> accounts) {
        if (accounts.isEmpty()) {
            return accounts;
        }
        List<Long> ids = accounts.stream().map(StaffAccount::id).toList();
        Map<Long, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select account_id, role from staff_account_role where account_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    long accountId = rs.getLong("account_id");
                    roleOf(rs.getString("role")).ifPresent(r ->
                            roles.computeIfAbsent(accountId, k -> EnumSet.noneOf(Role.class)).add(r));
                });
        Map<Long, Map<String, Integer>> skills = new HashMap<>();
        jdbc.sql("select account_id, skill_code, proficiency from staff_account_skill where account_id in (:ids)")
                .param("ids", ids).query(rs -> {
                    skills.computeIfAbsent(rs.getLong("account_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("skill_code"), rs.getInt("proficiency"));
                });
        List<StaffAccount> out = new ArrayList<>(accounts.size());
        for (StaffAccount a : accounts) {
            out.add(new StaffAccount(a.id(), a.username(), a.displayName(), a.employeeNumber(), a.enabled(),
                    roles.getOrDefault(a.id(), Set.of()), a.scopeLevel(), a.scopeCode(),
                    skills.getOrDefault(a.id(), Map.of()), a.version(), a.createdAt(), a.updatedAt()));
        }
        return out;
    }

    private static Optional<Role> roleOf(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static StaffAccount row(ResultSet rs) throws SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("employee_number"), rs.getBoolean("enabled"), Set.of(),
                Scope.Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code"), Map.of(),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
