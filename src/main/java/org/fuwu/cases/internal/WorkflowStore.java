package org.fuwu.cases.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The workflow's rows: assignment, notes, tasks, notice templates and the notice outbox, review, reopen, merge. */
@Repository
public class WorkflowStore {

    static final List<String> OPEN_STATUSES = List.of("OPEN", "ACKNOWLEDGED", "REVIEW");

    private final JdbcClient jdbc;

    WorkflowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- assignment

    /** The workflow fields of a case that CaseRecord does not carry. */
    public record Flow(String team, Long mergedInto, Instant customerAcceptedAt, Instant reviewRequestedAt,
                       Instant reviewDecidedAt, int reopenedCount) {
    }

    Flow flow(long caseId) {
        return jdbc.sql("""
                select team, merged_into, customer_accepted_at, review_requested_at, review_decided_at, reopened_count
                from case_file where id = :id""").param("id", caseId).query((rs, n) -> {
                    long m = rs.getLong("merged_into");
                    Long merged = rs.wasNull() ? null : m;
                    return new Flow(rs.getString("team"), merged, instant(rs, "customer_accepted_at"),
                            instant(rs, "review_requested_at"), instant(rs, "review_decided_at"), rs.getInt("reopened_count"));
                }).single();
    }

    /** Assigns a case to a team and an officer (null: the team), unless it is closed; false when it was. */
    boolean assign(long caseId, String team, Long officerId) {
        return jdbc.sql("update case_file set team = :t, officer_id = :o, version = version + 1 where id = :id and status <> 'CLOSED'")
                .param("t", team).param("o", officerId).param("id", caseId).update() == 1;
    }

    /** How many open cases (open, acknowledged, in review) each of these officers holds. */
    Map<Long, Integer> openCases(Collection<Long> officerIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (officerIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select officer_id, count(*) from case_file where officer_id in (:o) and status in (:s) group by officer_id")
                .param("o", List.copyOf(officerIds)).param("s", OPEN_STATUSES)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getInt(2));
                });
        return out;
    }

    /** The skill (and proficiency) a business type needs, if mapped. */
    Optional<org.fuwu.routing.SkillRequirement> skillOf(String businessCode) {
        if (businessCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select skill_code, proficiency from case_business_skill where business_code = :b").param("b", businessCode)
                .query((rs, n) -> org.fuwu.routing.SkillRequirement.required(rs.getString(1), rs.getInt(2))).optional();
    }

    Optional<Long> idOfNumber(String number) {
        return jdbc.sql("select id from case_file where number = :n").param("n", number).query(Long.class).optional();
    }

    // ---- notes

    /** An investigation note, its body encrypted. */
    public record Note(long id, String bodyEnc, String author, Instant at) {
    }

    long addNote(long caseId, String bodyEnc, String author, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into case_note (case_id, body_enc, author, created_at) values (:c, :b, :a, :at)").param("c", caseId)
                .param("b", bodyEnc).param("a", author).param("at", ts(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Note> notes(long caseId) {
        return jdbc.sql("select * from case_note where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("body_enc"), rs.getString("author"),
                        instant(rs, "created_at"))).list();
    }

    // ---- tasks

    /** A task to another department, its request and result encrypted. */
    public record Task(long id, long caseId, String department, String responsible, String requestEnc, Instant dueAt,
                       String status, String resultEnc, String createdBy, Instant createdAt, String doneBy, Instant doneAt) {
    }

    long addTask(long caseId, String department, String responsible, String requestEnc, Instant due, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_task (case_id, department, responsible, request_enc, due_at, status, created_by, created_at)
                values (:c, :d, :r, :q, :due, 'OPEN', :by, :at)""").param("c", caseId).param("d", department)
                .param("r", responsible).param("q", requestEnc).param("due", ts(due)).param("by", by).param("at", ts(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Task> task(long taskId) {
        return jdbc.sql("select * from case_task where id = :id").param("id", taskId).query(WorkflowStore::task).optional();
    }

    List<Task> tasks(long caseId) {
        return jdbc.sql("select * from case_task where case_id = :c order by id").param("c", caseId).query(WorkflowStore::task)
                .list();
    }

    boolean completeTask(long taskId, String resultEnc, String by, Instant at) {
        return jdbc.sql("""
                update case_task set status = 'DONE', result_enc = :r, done_by = :by, done_at = :at where id = :id and status = 'OPEN'""")
                .param("r", resultEnc).param("by", by).param("at", ts(at)).param("id", taskId).update() == 1;
    }

    private static Task task(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Task(rs.getLong("id"), rs.getLong("case_id"), rs.getString("department"), rs.getString("responsible"),
                rs.getString("request_enc"), instant(rs, "due_at"), rs.getString("status"), rs.getString("result_enc"),
                rs.getString("created_by"), instant(rs, "created_at"), rs.getString("done_by"), instant(rs, "done_at"));
    }

    // ---- notice templates

    Optional<NoticeTemplate> template(String kind, String channel, String language) {
        return jdbc.sql("select * from case_notice_template where kind = :k and channel = :c and language = :l").param("k", kind)
                .param("c", channel).param("l", language).query((rs, n) -> new NoticeTemplate(rs.getString("kind"),
                        rs.getString("channel"), rs.getString("language"), rs.getString("subject"), rs.getString("body"))).optional();
    }

    List<NoticeTemplate> templates() {
        return jdbc.sql("select * from case_notice_template order by kind, channel, language")
                .query((rs, n) -> new NoticeTemplate(rs.getString("kind"), rs.getString("channel"), rs.getString("language"),
                        rs.getString("subject"), rs.getString("body"))).list();
    }

    void putTemplate(NoticeTemplate t, String by, Instant at) {
        int n = jdbc.sql("""
                update case_notice_template set subject = :s, body = :b, updated_by = :by, updated_at = :at
                where kind = :k and channel = :c and language = :l""").param("s", t.subject()).param("b", t.body())
                .param("by", by).param("at", ts(at)).param("k", t.kind()).param("c", t.channel()).param("l", t.language()).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into case_notice_template (kind, channel, language, subject, body, updated_by, updated_at)
                    values (:k, :c, :l, :s, :b, :by, :at)""").param("s", t.subject()).param("b", t.body()).param("by", by)
                    .param("at", ts(at)).param("k", t.kind()).param("c", t.channel()).param("l", t.language()).update();
        }
    }

    // ---- notices (the outbox and the proof)

    /** A notice to the customer: what, by which channel, to which masked address, its state and result. */
    public record Notice(long id, long caseId, String kind, String channel, String language, String addressEnc,
                         String maskedAddress, String subjectEnc, String bodyEnc, String status, int attempts, Instant nextAt,
                         String result, Instant sentAt, String createdBy, Instant createdAt) {
    }

    long enqueueNotice(long caseId, String kind, String channel, String language, String addressEnc, String masked,
                       String subjectEnc, String bodyEnc, String status, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_notice (case_id, kind, channel, language, address_enc, masked_address, subject_enc, body_enc,
                    status, next_at, created_by, created_at, sent_at, result)
                values (:c, :k, :ch, :l, :a, :m, :s, :b, :st, :at, :by, :at, :sent, :res)""").param("c", caseId).param("k", kind)
                .param("ch", channel).param("l", language).param("a", addressEnc).param("m", masked).param("s", subjectEnc)
                .param("b", bodyEnc).param("st", status).param("at", ts(at)).param("by", by)
                .param("sent", status.equals("PRINTED") ? ts(at) : null)
                .param("res", status.equals("PRINTED") ? "printable letter" : null).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Notice> notice(long id) {
        return jdbc.sql("select * from case_notice where id = :id").param("id", id).query(WorkflowStore::notice).optional();
    }

    List<Notice> notices(long caseId) {
        return jdbc.sql("select * from case_notice where case_id = :c order by id").param("c", caseId).query(WorkflowStore::notice)
                .list();
    }

    List<Long> dueNotices(Instant now, int limit) {
        return jdbc.sql("""
                select id from case_notice where status = 'PENDING' and next_at <= :now
                    and (claimed_until is null or claimed_until < :now) order by next_at limit :n""")
                .param("now", ts(now)).param("n", limit).query(Long.class).list();
    }

    /** Claims a due notice for one attempt; false when another instance has it (or it is no longer due). */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                update case_notice set claimed_until = :u, attempts = attempts + 1
                where id = :id and status = 'PENDING' and (claimed_until is null or claimed_until < :now)""")
                .param("u", ts(until)).param("id", id).param("now", ts(now)).update() == 1;
    }

    void noticeDone(long id, String status, String result, Instant sentAt, Instant nextAt) {
        jdbc.sql("update case_notice set status = :s, result = :r, sent_at = :sent, next_at = :n, claimed_until = null where id = :id")
                .param("s", status).param("r", result).param("sent", ts(sentAt)).param("n", ts(nextAt)).param("id", id).update();
    }

    boolean resend(long id, Instant now) {
        return jdbc.sql("update case_notice set status = 'PENDING', next_at = :n, attempts = 0, claimed_until = null where id = :id and status = 'DEAD'")
                .param("n", ts(now)).param("id", id).update() == 1;
    }

    private static Notice notice(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Notice(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"), rs.getString("channel"),
                rs.getString("language"), rs.getString("address_enc"), rs.getString("masked_address"), rs.getString("subject_enc"),
                rs.getString("body_enc"), rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_at"),
                rs.getString("result"), instant(rs, "sent_at"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    // ---- decision and after

    boolean accept(long caseId, Instant at) {
        return jdbc.sql("update case_file set customer_accepted_at = :at, version = version + 1 where id = :id and status = 'DECIDED' and customer_accepted_at is null")
                .param("at", ts(at)).param("id", caseId).update() == 1;
    }

    boolean requestReview(long caseId, Instant at) {
        return jdbc.sql("""
                update case_file set status = 'REVIEW', review_requested_at = :at, version = version + 1
                where id = :id and status = 'DECIDED' and review_requested_at is null and customer_accepted_at is null""")
                .param("at", ts(at)).param("id", caseId).update() == 1;
    }

    boolean decideReview(long caseId, String decisionEnc, Instant at) {
        return jdbc.sql("""
                update case_file set status = 'DECIDED', decision_enc = :d, review_decided_at = :at, version = version + 1
                where id = :id and status = 'REVIEW'""").param("d", decisionEnc).param("at", ts(at)).param("id", caseId)
                .update() == 1;
    }

    /** Reopens a closed case (not a merged duplicate): back to ACKNOWLEDGED with its officer, or OPEN. */
    boolean reopen(long caseId, Instant at) {
        return jdbc.sql("""
                update case_file set status = case when acknowledged_at is null then 'OPEN' else 'ACKNOWLEDGED' end,
                    closed_at = null, customer_accepted_at = null, reopened_count = reopened_count + 1, version = version + 1
                where id = :id and status = 'CLOSED' and merged_into is null""").param("id", caseId).update() == 1;
    }

    /** Closes a duplicate as merged into its survivor; false when it was closed already. */
    boolean mergeInto(long duplicateId, long survivorId, Instant at) {
        return jdbc.sql("""
                update case_file set status = 'CLOSED', closed_at = :at, merged_into = :s, version = version + 1
                where id = :id and status <> 'CLOSED'""").param("at", ts(at)).param("s", survivorId).param("id", duplicateId)
                .update() == 1;
    }

    /** The duplicates merged into a case: id and number. */
    List<Map.Entry<Long, String>> mergedFrom(long caseId) {
        return jdbc.sql("select id, number from case_file where merged_into = :c order by id").param("c", caseId)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
    }

    /** Moves a duplicate's open tasks to the survivor, so that none is lost and the survivor cannot be decided past them. */
    int moveOpenTasks(long fromCase, long toCase) {
        return jdbc.sql("update case_task set case_id = :t where case_id = :f and status = 'OPEN'").param("t", toCase)
                .param("f", fromCase).update();
    }
}
