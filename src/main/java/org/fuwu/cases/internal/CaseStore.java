package org.fuwu.cases.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, their pauses and their timeline in the database. */
@Repository
public class CaseStore {

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of a year, gapless: the counter row is locked until the opening commits. */
    int nextNumber(int year) {
        int n = jdbc.sql("update case_number_counter set last_number = last_number + 1 where counter_year = :y").param("y", year).update();
        if (n == 0) {
            jdbc.sql("insert into case_number_counter (counter_year, last_number) values (:y, 1)").param("y", year).update();
            return 1;
        }
        return jdbc.sql("select last_number from case_number_counter where counter_year = :y").param("y", year).query(Integer.class).single();
    }

    long insert(String number, String type, Long customerId, String channel, String summaryEnc, Instant receivedAt,
                String ruleSet, String severity, String createdBy, Long sourceConversationId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_file (number, type, status, customer_id, channel, summary_enc, received_at, rule_set, complexity,
                    severity, created_by, source_conversation_id, created_at)
                values (:n, :t, 'OPEN', :c, :ch, :s, :r, :rs, 'SIMPLE', :sev, :by, :conv, :now)""")
                .param("n", number).param("t", type).param("c", customerId).param("ch", channel).param("s", summaryEnc)
                .param("r", ts(receivedAt)).param("rs", ruleSet).param("sev", severity).param("by", createdBy)
                .param("conv", sourceConversationId).param("now", ts(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<CaseRecord> find(long id) {
        return jdbc.sql("select * from case_file where id = :id").param("id", id).query(CaseStore::row).optional();
    }

    public List<CaseRecord> list(String status, Long officerId, int limit) {
        String where = " where 1 = 1" + (status == null ? "" : " and status = :s") + (officerId == null ? "" : " and officer_id = :o");
        var q = jdbc.sql("select * from case_file" + where + " order by received_at limit :n").param("n", limit);
        if (status != null) {
            q = q.param("s", status);
        }
        if (officerId != null) {
            q = q.param("o", officerId);
        }
        return q.query(CaseStore::row).list();
    }

    public List<CaseRecord> ofCustomer(long customerId) {
        return jdbc.sql("select * from case_file where customer_id = :c order by received_at desc").param("c", customerId)
                .query(CaseStore::row).list();
    }

    /** Moves a case from one status to another; false when it was not in that status (a concurrent change). */
    boolean move(long id, String from, String to, String column, Instant at) {
        String set = column == null ? "" : ", " + column + " = :at";
        var q = jdbc.sql("update case_file set status = :to" + set + ", version = version + 1 where id = :id and status = :from")
                .param("to", to).param("id", id).param("from", from);
        if (column != null) {
            q = q.param("at", ts(at));
        }
        return q.update() == 1;
    }

    void assign(long id, long officerId) {
        jdbc.sql("update case_file set officer_id = :o, version = version + 1 where id = :id").param("o", officerId).param("id", id).update();
    }

    void decide(long id, String decisionEnc, Instant at) {
        jdbc.sql("update case_file set status = 'DECIDED', decided_at = :at, decision_enc = :d, version = version + 1 where id = :id")
                .param("at", ts(at)).param("d", decisionEnc).param("id", id).update();
    }

    void requestExtension(long id, String by, String reasonEnc) {
        jdbc.sql("update case_file set extension_requested_by = :by, extension_reason_enc = :r, extension_approved_by = null where id = :id")
                .param("by", by).param("r", reasonEnc).param("id", id).update();
    }

    void approveExtension(long id, String by, String complexity) {
        jdbc.sql("update case_file set extension_approved_by = :by, complexity = :c, version = version + 1 where id = :id")
                .param("by", by).param("c", complexity).param("id", id).update();
    }

    void setComplexity(long id, String complexity) {
        jdbc.sql("update case_file set complexity = :c where id = :id").param("c", complexity).param("id", id).update();
    }

    List<CaseClock.Pause> pauses(long caseId) {
        return jdbc.sql("select from_at, to_at from case_pause where case_id = :c order by from_at").param("c", caseId)
                .query((rs, n) -> new CaseClock.Pause(instant(rs, "from_at"), instant(rs, "to_at"))).list();
    }

    boolean paused(long caseId) {
        return jdbc.sql("select count(*) from case_pause where case_id = :c and to_at is null").param("c", caseId)
                .query(Integer.class).single() > 0;
    }

    void pause(long caseId, String reason, Instant at) {
        jdbc.sql("insert into case_pause (case_id, reason, from_at) values (:c, :r, :at)").param("c", caseId).param("r", reason)
                .param("at", ts(at)).update();
    }

    void resume(long caseId, Instant at) {
        jdbc.sql("update case_pause set to_at = :at where case_id = :c and to_at is null").param("at", ts(at)).param("c", caseId).update();
    }

    /** One line of a case's timeline. */
    public record Event(long id, String kind, String actor, String detailEnc, Instant at) {
    }

    void event(long caseId, String kind, String actor, String detailEnc, Instant at) {
        jdbc.sql("insert into case_event (case_id, kind, actor, detail_enc, occurred_at) values (:c, :k, :a, :d, :at)")
                .param("c", caseId).param("k", kind).param("a", actor).param("d", detailEnc).param("at", ts(at)).update();
    }

    List<Event> events(long caseId) {
        return jdbc.sql("select * from case_event where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getString("kind"), rs.getString("actor"), rs.getString("detail_enc"),
                        instant(rs, "occurred_at"))).list();
    }

    void scheduleCallback(long caseId, Instant due) {
        // once per case: a reopened case closed again keeps its first callback
        jdbc.sql("insert into case_callback (case_id, due_at, status) select :c, :d, 'PENDING' where not exists "
                + "(select 1 from case_callback where case_id = :c)").param("c", caseId).param("d", ts(due)).update();
    }

    /** A callback to make, or made. */
    public record Callback(long id, long caseId, String caseNumber, String caseType, Instant dueAt, String status,
                           Integer satisfaction, String doneBy, Instant doneAt) {
    }

    public List<Callback> callbacks(String status, int limit) {
        return jdbc.sql("""
                select b.*, f.number, f.type from case_callback b join case_file f on f.id = b.case_id
                where b.status = :s order by b.due_at limit :n""").param("s", status).param("n", limit)
                .query((rs, n) -> {
                    int sat = rs.getInt("satisfaction");
                    return new Callback(rs.getLong("id"), rs.getLong("case_id"), rs.getString("number"), rs.getString("type"),
                            instant(rs, "due_at"), rs.getString("status"), rs.wasNull() ? null : sat, rs.getString("done_by"),
                            instant(rs, "done_at"));
                }).list();
    }

    Optional<Callback> callbackOf(long caseId) {
        return jdbc.sql("select b.*, f.number, f.type from case_callback b join case_file f on f.id = b.case_id where b.case_id = :c")
                .param("c", caseId).query((rs, n) -> {
                    int sat = rs.getInt("satisfaction");
                    return new Callback(rs.getLong("id"), rs.getLong("case_id"), rs.getString("number"), rs.getString("type"),
                            instant(rs, "due_at"), rs.getString("status"), rs.wasNull() ? null : sat, rs.getString("done_by"),
                            instant(rs, "done_at"));
                }).optional();
    }

    boolean completeCallback(long id, String status, Integer satisfaction, String noteEnc, String by, Instant at) {
        return jdbc.sql("""
                update case_callback set status = :s, satisfaction = :sat, note_enc = :n, done_by = :by, done_at = :at
                where id = :id and status = 'PENDING'""")
                .param("s", status).param("sat", satisfaction).param("n", noteEnc).param("by", by).param("at", ts(at))
                .param("id", id).update() == 1;
    }

    Optional<Long> caseOfCallback(long id) {
        return jdbc.sql("select case_id from case_callback where id = :id").param("id", id).query(Long.class).optional();
    }

    /** The cases received in a period, for the KPIs. */
    List<CaseRecord> receivedBetween(Instant from, Instant to) {
        return jdbc.sql("select * from case_file where received_at >= :f and received_at < :t").param("f", ts(from))
                .param("t", ts(to)).query(CaseStore::row).list();
    }

    /** Callbacks due in a period: how many, and how many were made (reached or not). */
    int[] callbackCounts(Instant from, Instant to) {
        return jdbc.sql("""
                select count(*), sum(case when status = 'REACHED' then 1 else 0 end) from case_callback
                where due_at >= :f and due_at < :t""").param("f", ts(from)).param("t", ts(to))
                .query((rs, n) -> new int[]{rs.getInt(1), rs.getInt(2)}).single();
    }

    public List<KeywordClassifier.Code> codes(String kind) {
        return jdbc.sql("select * from case_code where kind = :k and active = true order by code").param("k", kind)
                .query((rs, n) -> new KeywordClassifier.Code(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        java.util.Arrays.stream(rs.getString("keywords").split(",")).map(String::strip).filter(x -> !x.isEmpty())
                                .toList())).list();
    }

    boolean codeExists(String kind, String code) {
        return jdbc.sql("select count(*) from case_code where kind = :k and code = :c and active = true").param("k", kind)
                .param("c", code).query(Integer.class).single() > 0;
    }

    void upsertCode(String kind, String code, String nameZh, String nameEn, String keywords, boolean active) {
        int n = jdbc.sql("update case_code set name_zh = :zh, name_en = :en, keywords = :kw, active = :a where kind = :k and code = :c")
                .param("zh", nameZh).param("en", nameEn).param("kw", keywords).param("a", active).param("k", kind).param("c", code)
                .update();
        if (n == 0) {
            jdbc.sql("insert into case_code (kind, code, name_zh, name_en, keywords, active) values (:k, :c, :zh, :en, :kw, :a)")
                    .param("k", kind).param("c", code).param("zh", nameZh).param("en", nameEn).param("kw", keywords)
                    .param("a", active).update();
        }
    }

    void classify(long id, String business, String cause, String severity, boolean group, int representatives, String by) {
        jdbc.sql("""
                update case_file set business_code = :b, cause_code = :c, severity = :s, group_complaint = :g,
                    representatives = :r, classified_by = :by, version = version + 1 where id = :id""")
                .param("b", business).param("c", cause).param("s", severity).param("g", group).param("r", representatives)
                .param("by", by).param("id", id).update();
    }

    /** The classification of a case: business code, cause code, group flag, representatives, classified by. */
    public record Classification(String businessCode, String causeCode, boolean groupComplaint, int representatives,
                                 String classifiedBy) {
    }

    Classification classification(long id) {
        return jdbc.sql("select business_code, cause_code, group_complaint, representatives, classified_by from case_file where id = :id")
                .param("id", id).query((rs, n) -> new Classification(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getInt(4), rs.getString(5))).single();
    }

    void involve(long caseId, String username) {
        jdbc.sql("insert into case_involved_staff (case_id, username) values (:c, :u)").param("c", caseId).param("u", username).update();
    }

    public List<String> involved(long caseId) {
        return jdbc.sql("select username from case_involved_staff where case_id = :c order by username").param("c", caseId)
                .query(String.class).list();
    }

    /** Whether a root cause (溯源整改) was recorded for the case: a complaint is closed only with one. */
    boolean hasRootCause(long id) {
        return jdbc.sql("select count(*) from case_file where id = :id and root_cause_code is not null").param("id", id)
                .query(Integer.class).single() > 0;
    }

    /** How many tasks to other departments are open on a case (the workflow's tasks; a decision waits for them). */
    int openTasks(long caseId) {
        return jdbc.sql("select count(*) from case_task where case_id = :c and status = 'OPEN'").param("c", caseId)
                .query(Integer.class).single();
    }

    private static Long longOrNull(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    static CaseRecord row(ResultSet rs, int n) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("number"), rs.getString("type"), rs.getString("status"),
                longOrNull(rs, "customer_id"), rs.getString("channel"), rs.getString("summary_enc"), instant(rs, "received_at"),
                rs.getString("rule_set"), rs.getString("complexity"), rs.getString("severity"), longOrNull(rs, "officer_id"),
                rs.getString("created_by"), longOrNull(rs, "source_conversation_id"), instant(rs, "acknowledged_at"),
                instant(rs, "decided_at"), rs.getString("decision_enc"), instant(rs, "closed_at"),
                rs.getString("extension_requested_by"), rs.getString("extension_reason_enc"),
                rs.getString("extension_approved_by"), instant(rs, "created_at"), rs.getInt("version"));
    }
}
