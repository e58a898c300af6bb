package org.fuwu.cases.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SLA policies, escalation rules and holders, and the durable escalation timers in the database. */
@Repository
public class SlaStore {

    private final JdbcClient jdbc;

    SlaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- policies

    private static SlaPolicy policy(ResultSet rs, int n) throws SQLException {
        return new SlaPolicy(rs.getLong("id"), rs.getString("case_type"), rs.getString("severity"), rs.getString("segment"),
                rule(SlaPolicy.FIRST_RESPONSE, rs, "first_response"), rule(SlaPolicy.NEXT_UPDATE, rs, "next_update"),
                rule(SlaPolicy.RESOLUTION, rs, "resolution"), rs.getBoolean("active"));
    }

    private static ClockRule rule(String name, ResultSet rs, String prefix) throws SQLException {
        return new ClockRule(name, rs.getInt(prefix + "_amount"), ClockRule.Unit.valueOf(rs.getString(prefix + "_unit")));
    }

    public List<SlaPolicy> policies() {
        return jdbc.sql("select * from case_sla_policy order by case_type, severity, segment").query(SlaStore::policy).list();
    }

    Optional<SlaPolicy> policy(String type, String severity, String segment) {
        return jdbc.sql("select * from case_sla_policy where case_type = :t and severity = :s and segment = :g")
                .param("t", type).param("s", severity).param("g", segment).query(SlaStore::policy).optional();
    }

    void putPolicy(String type, String severity, String segment, ClockRule fr, ClockRule nu, ClockRule res, boolean active,
                   String by, Instant at) {
        int n = jdbc.sql("""
                update case_sla_policy set first_response_amount = :fa, first_response_unit = :fu, next_update_amount = :na,
                    next_update_unit = :nu, resolution_amount = :ra, resolution_unit = :ru, active = :a, updated_by = :by,
                    updated_at = :at where case_type = :t and severity = :s and segment = :g""")
                .param("fa", fr.amount()).param("fu", fr.unit().name()).param("na", nu.amount()).param("nu", nu.unit().name())
                .param("ra", res.amount()).param("ru", res.unit().name()).param("a", active).param("by", by).param("at", ts(at))
                .param("t", type).param("s", severity).param("g", segment).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into case_sla_policy (case_type, severity, segment, first_response_amount, first_response_unit,
                        next_update_amount, next_update_unit, resolution_amount, resolution_unit, active, updated_by, updated_at)
                    values (:t, :s, :g, :fa, :fu, :na, :nu, :ra, :ru, :a, :by, :at)""")
                    .param("fa", fr.amount()).param("fu", fr.unit().name()).param("na", nu.amount()).param("nu", nu.unit().name())
                    .param("ra", res.amount()).param("ru", res.unit().name()).param("a", active).param("by", by)
                    .param("at", ts(at)).param("t", type).param("s", severity).param("g", segment).update();
        }
    }

    // --- rules

    private static EscalationRule escalationRule(ResultSet rs, int n) throws SQLException {
        return new EscalationRule(rs.getLong("id"), rs.getString("clock"), rs.getString("case_type"), rs.getString("severity"),
                rs.getString("segment"), rs.getInt("percent"), rs.getString("action"), rs.getString("level"),
                rs.getBoolean("active"));
    }

    public List<EscalationRule> rules() {
        return jdbc.sql("select * from case_escalation_rule order by clock, percent, id").query(SlaStore::escalationRule).list();
    }

    Optional<EscalationRule> rule(long id) {
        return jdbc.sql("select * from case_escalation_rule where id = :id").param("id", id).query(SlaStore::escalationRule).optional();
    }

    long insertRule(EscalationRule r, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_escalation_rule (clock, case_type, severity, segment, percent, action, level, active, updated_by,
                    updated_at) values (:c, :t, :s, :g, :p, :a, :l, :on, :by, :at)""")
                .param("c", r.clock()).param("t", r.caseType()).param("s", r.severity()).param("g", r.segment())
                .param("p", r.percent()).param("a", r.action()).param("l", r.level()).param("on", r.active()).param("by", by)
                .param("at", ts(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean updateRule(EscalationRule r, String by, Instant at) {
        return jdbc.sql("""
                update case_escalation_rule set clock = :c, case_type = :t, severity = :s, segment = :g, percent = :p,
                    action = :a, level = :l, active = :on, updated_by = :by, updated_at = :at where id = :id""")
                .param("c", r.clock()).param("t", r.caseType()).param("s", r.severity()).param("g", r.segment())
                .param("p", r.percent()).param("a", r.action()).param("l", r.level()).param("on", r.active()).param("by", by)
                .param("at", ts(at)).param("id", r.id()).update() == 1;
    }

    // --- holders of the levels

    /** A holder of a level of the hierarchy in a scope (a branch, a region or BANK). */
    public record Holder(String level, String scopeCode, long accountId, String username) {
    }

    public List<Holder> holders() {
        return jdbc.sql("select * from case_escalation_holder order by level, scope_code, username")
                .query((rs, n) -> new Holder(rs.getString("level"), rs.getString("scope_code"), rs.getLong("account_id"),
                        rs.getString("username"))).list();
    }

    List<Holder> holders(String level, String scopeCode) {
        return jdbc.sql("select * from case_escalation_holder where level = :l and scope_code = :s order by username")
                .param("l", level).param("s", scopeCode)
                .query((rs, n) -> new Holder(rs.getString("level"), rs.getString("scope_code"), rs.getLong("account_id"),
                        rs.getString("username"))).list();
    }

    void replaceHolders(String level, String scopeCode, Collection<Holder> holders) {
        jdbc.sql("delete from case_escalation_holder where level = :l and scope_code = :s").param("l", level).param("s", scopeCode)
                .update();
        for (Holder h : holders) {
            jdbc.sql("insert into case_escalation_holder (level, scope_code, account_id, username) values (:l, :s, :a, :u)")
                    .param("l", level).param("s", scopeCode).param("a", h.accountId()).param("u", h.username()).update();
        }
    }

    // --- a case's SLA context

    /** The segment and branch a case was opened with, and its escalation priority. */
    public record Context(String segment, String branchCode, int priority) {
    }

    Optional<Context> context(long caseId) {
        return jdbc.sql("select segment, branch_code, priority from case_sla_context where case_id = :c").param("c", caseId)
                .query((rs, n) -> new Context(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
    }

    void insertContext(long caseId, String segment, String branchCode) {
        jdbc.sql("insert into case_sla_context (case_id, segment, branch_code) values (:c, :s, :b)").param("c", caseId)
                .param("s", segment).param("b", branchCode).update();
    }

    void raisePriority(long caseId) {
        int n = jdbc.sql("update case_sla_context set priority = priority + 1 where case_id = :c").param("c", caseId).update();
        if (n == 0) {
            jdbc.sql("insert into case_sla_context (case_id, segment, priority) values (:c, 'ORDINARY', 1)").param("c", caseId)
                    .update();
        }
    }

    /** The moments of a case's timeline rows of these kinds. */
    List<Instant> eventTimes(long caseId, Collection<String> kinds) {
        return jdbc.sql("select occurred_at from case_event where case_id = :c and kind in (:k) order by id").param("c", caseId)
                .param("k", kinds).query((rs, n) -> instant(rs, "occurred_at")).list();
    }

    // --- generation of the policies and rules

    long generation() {
        return jdbc.sql("select generation from case_sla_generation where id = 1").query(Long.class).single();
    }

    void bumpGeneration() {
        jdbc.sql("update case_sla_generation set generation = generation + 1 where id = 1").update();
    }

    // --- timers

    /** A durable escalation timer. */
    public record Timer(long id, long caseId, long ruleId, String cycle, Instant dueAt, String status, Instant firedAt) {
    }

    private static Timer timer(ResultSet rs, int n) throws SQLException {
        return new Timer(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("rule_id"), rs.getString("cycle"),
                instant(rs, "due_at"), rs.getString("status"), instant(rs, "fired_at"));
    }

    public List<Timer> timers(long caseId) {
        return jdbc.sql("select * from case_timer where case_id = :c order by id").param("c", caseId).query(SlaStore::timer).list();
    }

    Optional<Timer> timer(long id) {
        return jdbc.sql("select * from case_timer where id = :id").param("id", id).query(SlaStore::timer).optional();
    }

    void insertTimer(long caseId, long ruleId, String cycle, Instant dueAt) {
        jdbc.sql("insert into case_timer (case_id, rule_id, cycle, due_at, status) values (:c, :r, :y, :d, 'PENDING')")
                .param("c", caseId).param("r", ruleId).param("y", cycle).param("d", ts(dueAt)).update();
    }

    /** Sets a timer that has not fired: its due time and PENDING or CANCELLED. */
    void setTimer(long id, Instant dueAt, String status) {
        jdbc.sql("update case_timer set due_at = :d, status = :s where id = :id and status <> 'FIRED'").param("d", ts(dueAt))
                .param("s", status).param("id", id).update();
    }

    /** The ids of pending timers due by a moment, earliest first (optionally of one case). */
    List<Long> due(Instant now, Long caseId, int limit) {
        return jdbc.sql("select id from case_timer where status = 'PENDING' and due_at <= :now"
                        + (caseId == null ? "" : " and case_id = :c") + " order by due_at, id limit :n")
                .param("now", ts(now)).param("n", limit).params(caseId == null ? java.util.Map.of() : java.util.Map.of("c", caseId))
                .query(Long.class).list();
    }

    /** Locks a case's row (timers of a case are recomputed and fired one transaction at a time); false if none. */
    boolean lockCase(long caseId) {
        return jdbc.sql("select id from case_file where id = :c for update").param("c", caseId).query(Long.class).optional()
                .isPresent();
    }

    /** Claims a pending timer: PENDING to FIRED; false when it is no longer pending (fired or cancelled meanwhile). */
    boolean claim(long timerId, Instant at) {
        return jdbc.sql("update case_timer set status = 'FIRED', fired_at = :at where id = :id and status = 'PENDING'")
                .param("at", ts(at)).param("id", timerId).update() == 1;
    }

    // --- escalations and notices

    long insertEscalation(long timerId, long caseId, EscalationRule rule, String clock, Instant dueAt, Instant firedAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_escalation (timer_id, case_id, rule_id, clock, percent, action, level, due_at, fired_at)
                values (:t, :c, :r, :k, :p, :a, :l, :d, :f)""")
                .param("t", timerId).param("c", caseId).param("r", rule.id()).param("k", clock).param("p", rule.percent())
                .param("a", rule.action()).param("l", rule.level()).param("d", ts(dueAt)).param("f", ts(firedAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void notice(long escalationId, long accountId) {
        jdbc.sql("insert into case_escalation_notice (escalation_id, account_id) values (:e, :a)").param("e", escalationId)
                .param("a", accountId).update();
    }

    /** An escalation as lists show it. */
    public record Escalation(long id, long caseId, String caseNumber, String clock, int percent, String action, String level,
                             Instant dueAt, Instant firedAt, Long noticeId, Instant readAt) {
    }

    private static Escalation escalation(ResultSet rs, boolean notice) throws SQLException {
        Long noticeId = null;
        Instant read = null;
        if (notice) {
            noticeId = rs.getLong("notice_id");
            read = instant(rs, "read_at");
        }
        return new Escalation(rs.getLong("id"), rs.getLong("case_id"), rs.getString("number"), rs.getString("clock"),
                rs.getInt("percent"), rs.getString("action"), rs.getString("level"), instant(rs, "due_at"),
                instant(rs, "fired_at"), noticeId, read);
    }

    public List<Escalation> escalations(long caseId) {
        return jdbc.sql("""
                select e.*, f.number from case_escalation e join case_file f on f.id = e.case_id where e.case_id = :c
                order by e.fired_at, e.id""").param("c", caseId).query((rs, n) -> escalation(rs, false)).list();
    }

    /** The unread notices of a staff member, newest first. */
    public List<Escalation> notices(long accountId, int limit) {
        return jdbc.sql("""
                select e.*, f.number, n.id as notice_id, n.read_at from case_escalation_notice n
                join case_escalation e on e.id = n.escalation_id join case_file f on f.id = e.case_id
                where n.account_id = :a and n.read_at is null order by e.fired_at desc, n.id desc limit :n""")
                .param("a", accountId).param("n", limit).query((rs, n) -> escalation(rs, true)).list();
    }

    boolean noticeExists(long noticeId, long accountId) {
        return jdbc.sql("select count(*) from case_escalation_notice where id = :id and account_id = :a").param("id", noticeId)
                .param("a", accountId).query(Integer.class).single() > 0;
    }

    void markRead(long noticeId, Instant at) {
        jdbc.sql("update case_escalation_notice set read_at = :at where id = :id and read_at is null").param("at", ts(at))
                .param("id", noticeId).update();
    }

    // --- what to recompute

    /**
     * Cases whose timers may be stale: open ones never synced, and any whose timeline grew or whose sync is of an
     * older generation of the policies and rules.
     */
    List<Long> stale(long generation, int limit) {
        return jdbc.sql("""
                select f.id from case_file f left join case_escalation_sync s on s.case_id = f.id
                where (s.case_id is null and f.status <> 'CLOSED')
                   or (s.case_id is not null and (s.generation < :g
                       or exists (select 1 from case_event e where e.case_id = f.id and e.id > s.event_id)))
                order by f.id limit :n""").param("g", generation).param("n", limit).query(Long.class).list();
    }

    List<Long> openCases() {
        return jdbc.sql("select id from case_file where status <> 'CLOSED' order by id").query(Long.class).list();
    }

    long lastEventId(long caseId) {
        return jdbc.sql("select coalesce(max(id), 0) from case_event where case_id = :c").param("c", caseId).query(Long.class)
                .single();
    }

    void synced(long caseId, long eventId, long generation) {
        int n = jdbc.sql("update case_escalation_sync set event_id = :e, generation = :g where case_id = :c").param("e", eventId)
                .param("g", generation).param("c", caseId).update();
        if (n == 0) {
            jdbc.sql("insert into case_escalation_sync (case_id, event_id, generation) values (:c, :e, :g)").param("c", caseId)
                    .param("e", eventId).param("g", generation).update();
        }
    }
}
