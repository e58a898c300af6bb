package org.fuwu.cases.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables and columns of intake details, attachments, root cause, hotspots, the regulator's statistics,
 * retention and saved filters (kept apart from {@link CaseStore}).
 */
@Repository
public class InsightStore {

    static final String COMPLAINT_TYPES = "('COMPLAINT', 'REGULATOR_COMPLAINT')";

    private final JdbcClient jdbc;

    InsightStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveDetails(long caseId, String requestKind, String regulatorRef, LocalDate regulatorReceivedOn, String nameEnc,
                     String mobileEnc, String mobileIdx, String emailEnc, String branchCode, String regionCode) {
        jdbc.sql("""
                update case_file set request_kind = :k, regulator_ref = :ref, regulator_received_on = :rd, contact_name_enc = :n,
                    contact_mobile_enc = :m, contact_mobile_idx = :mi, contact_email_enc = :e, branch_code = :b, region_code = :r
                where id = :id""")
                .param("k", requestKind).param("ref", regulatorRef)
                .param("rd", regulatorReceivedOn == null ? null : Date.valueOf(regulatorReceivedOn))
                .param("n", nameEnc).param("m", mobileEnc).param("mi", mobileIdx).param("e", emailEnc).param("b", branchCode)
                .param("r", regionCode).param("id", caseId).update();
    }

    /** What intake recorded beyond the common fields: contact details still encrypted. */
    public record Details(String requestKind, String regulatorRef, LocalDate regulatorReceivedOn, String contactNameEnc,
                          String contactMobileEnc, String contactMobileIdx, String contactEmailEnc, String branchCode,
                          String regionCode, String rootCauseCode, String correctiveActionEnc, Instant anonymisedAt) {
    }

    Optional<Details> details(long caseId) {
        return jdbc.sql("select * from case_file where id = :id").param("id", caseId).query((rs, n) -> {
            Date d = rs.getDate("regulator_received_on");
            return new Details(rs.getString("request_kind"), rs.getString("regulator_ref"), d == null ? null : d.toLocalDate(),
                    rs.getString("contact_name_enc"), rs.getString("contact_mobile_enc"), rs.getString("contact_mobile_idx"),
                    rs.getString("contact_email_enc"), rs.getString("branch_code"), rs.getString("region_code"),
                    rs.getString("root_cause_code"), rs.getString("corrective_action_enc"), instant(rs, "anonymised_at"));
        }).optional();
    }

    void setRootCause(long caseId, String code, String actionEnc) {
        jdbc.sql("update case_file set root_cause_code = :c, corrective_action_enc = :a, version = version + 1 where id = :id")
                .param("c", code).param("a", actionEnc).param("id", caseId).update();
    }

    /** A code's names, zh and en, active or not. */
    Optional<String[]> codeNames(String kind, String code) {
        return jdbc.sql("select name_zh, name_en from case_code where kind = :k and code = :c").param("k", kind).param("c", code)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
    }

    // ---- attachments

    long addAttachment(long caseId, String mediaType, int size, String sha256, String nameEnc, String contentEnc, String by,
                       Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_attachment (case_id, media_type, size_bytes, sha256, name_enc, content_enc, uploaded_by, created_at)
                values (:c, :t, :n, :h, :name, :body, :by, :at)""")
                .param("c", caseId).param("t", mediaType).param("n", size).param("h", sha256).param("name", nameEnc)
                .param("body", contentEnc).param("by", by).param("at", ts(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** An attachment without its content. */
    public record AttachmentRow(long id, long caseId, String mediaType, int size, String nameEnc, String uploadedBy, Instant at) {
    }

    List<AttachmentRow> attachments(long caseId) {
        return jdbc.sql("select id, case_id, media_type, size_bytes, name_enc, uploaded_by, created_at from case_attachment "
                        + "where case_id = :c order by id").param("c", caseId)
                .query((rs, n) -> new AttachmentRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("media_type"),
                        rs.getInt("size_bytes"), rs.getString("name_enc"), rs.getString("uploaded_by"), instant(rs, "created_at")))
                .list();
    }

    int attachmentCount(long caseId) {
        return jdbc.sql("select count(*) from case_attachment where case_id = :c").param("c", caseId).query(Integer.class).single();
    }

    /** An attachment's encrypted name and content, when it is that case's. */
    Optional<String[]> attachment(long caseId, long id) {
        return jdbc.sql("select media_type, name_enc, content_enc from case_attachment where id = :id and case_id = :c")
                .param("id", id).param("c", caseId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
    }

    // ---- statistics

    /** A complaint for the repeat rate: its id, customer, blind index of its contact mobile, and receipt. */
    List<RepeatComplaintPolicy.Complaint> complaintsForRepeats(Instant from, Instant to) {
        return jdbc.sql("select id, customer_id, contact_mobile_idx, received_at from case_file where type in " + COMPLAINT_TYPES
                        + " and received_at >= :f and received_at < :t").param("f", ts(from)).param("t", ts(to))
                .query((rs, n) -> {
                    long c = rs.getLong("customer_id");
                    String key = rs.wasNull() ? (rs.getString("contact_mobile_idx") == null ? null : "m:" + rs.getString("contact_mobile_idx"))
                            : "c:" + c;
                    return new RepeatComplaintPolicy.Complaint(rs.getLong("id"), key, instant(rs, "received_at"));
                }).list();
    }

    /** A count by one key. */
    public record Count(String key, int count) {
    }

    /** Complaints received from {@code from} (inclusive) to {@code to} (exclusive) counted by one column (null keys as '-'), largest first. */
    List<Count> complaintsBy(String column, Instant from, Instant to) {
        if (!List.of("cause_code", "business_code", "branch_code", "root_cause_code", "channel").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select coalesce(" + column + ", '-') k, count(*) n from case_file where type in " + COMPLAINT_TYPES
                        + " and received_at >= :f and received_at < :t group by coalesce(" + column + ", '-') order by n desc, k")
                .param("f", ts(from)).param("t", ts(to)).query((rs, n) -> new Count(rs.getString("k"), rs.getInt("n"))).list();
    }

    /** One cell of the regulator's statistics. */
    public record ReportCell(String businessCode, String causeCode, String channel, String regionCode, int received, int closed) {
    }

    List<ReportCell> regulatorCells(Instant from, Instant to) {
        return jdbc.sql("""
                select coalesce(business_code, '-') b, coalesce(cause_code, '-') c, channel ch, coalesce(region_code, '-') r,
                    count(*) n, sum(case when closed_at is not null then 1 else 0 end) closed
                from case_file where type in ('COMPLAINT', 'REGULATOR_COMPLAINT') and received_at >= :f and received_at < :t
                group by coalesce(business_code, '-'), coalesce(cause_code, '-'), channel, coalesce(region_code, '-')
                order by b, c, ch, r""").param("f", ts(from)).param("t", ts(to))
                .query((rs, n) -> new ReportCell(rs.getString("b"), rs.getString("c"), rs.getString("ch"), rs.getString("r"),
                        rs.getInt("n"), rs.getInt("closed"))).list();
    }

    // ---- retention

    List<Long> closedBeforeNotAnonymised(Instant before, int limit) {
        return jdbc.sql("select id from case_file where status = 'CLOSED' and closed_at <= :b and anonymised_at is null order by id limit :n")
                .param("b", ts(before)).param("n", limit).query(Long.class).list();
    }

    /**
     * Anonymises one closed case: the free text and contact details replaced or removed, the customer link, the
     * involved staff, the attachments, the timeline's details and the callback's note dropped; what the statistics
     * need (type, channel, codes, branch, region, times, clocks' inputs) kept.
     */
    void anonymise(long caseId, String placeholderEnc, Instant at) {
        jdbc.sql("""
                update case_file set summary_enc = :p, decision_enc = case when decision_enc is null then null else :p end,
                    extension_reason_enc = null, corrective_action_enc = case when corrective_action_enc is null then null else :p end,
                    contact_name_enc = null, contact_mobile_enc = null, contact_mobile_idx = null, contact_email_enc = null,
                    customer_id = null, regulator_ref = null, anonymised_at = :at, version = version + 1
                where id = :id and anonymised_at is null""").param("p", placeholderEnc).param("at", ts(at)).param("id", caseId).update();
        jdbc.sql("update case_event set detail_enc = null where case_id = :c").param("c", caseId).update();
        jdbc.sql("update case_callback set note_enc = null where case_id = :c").param("c", caseId).update();
        jdbc.sql("delete from case_involved_staff where case_id = :c").param("c", caseId).update();
        jdbc.sql("delete from case_attachment where case_id = :c").param("c", caseId).update();
    }

    // ---- lists

    /** The ids of cases not closed, oldest first. */
    List<Long> unclosed(int limit) {
        return jdbc.sql("select id from case_file where status <> 'CLOSED' order by received_at limit :n").param("n", limit)
                .query(Long.class).list();
    }

    List<Long> awaitingApproval(int limit) {
        return jdbc.sql("""
                select id from case_file where status <> 'CLOSED' and extension_requested_by is not null
                    and extension_approved_by is null order by received_at limit :n""").param("n", limit).query(Long.class).list();
    }

    /** Ids of cases by status, type and officer (each optional), oldest first. */
    List<Long> filtered(String status, String type, Long officerId, int limit) {
        String where = " where 1 = 1" + (status == null ? "" : " and status = :s") + (type == null ? "" : " and type = :t")
                + (officerId == null ? "" : " and officer_id = :o");
        var q = jdbc.sql("select id from case_file" + where + " order by received_at limit :n").param("n", limit);
        if (status != null) {
            q = q.param("s", status);
        }
        if (type != null) {
            q = q.param("t", type);
        }
        if (officerId != null) {
            q = q.param("o", officerId);
        }
        return q.query(Long.class).list();
    }

    /** Another case of the same customer (by file, or by contact mobile's blind index). */
    public record Related(long id, String number, String type, String status, Instant receivedAt) {
    }

    List<Related> related(long caseId, Long customerId, String mobileIdx) {
        if (customerId == null && mobileIdx == null) {
            return List.of();
        }
        String who = customerId != null && mobileIdx != null ? "(customer_id = :c or contact_mobile_idx = :m)"
                : customerId != null ? "customer_id = :c" : "contact_mobile_idx = :m";
        var q = jdbc.sql("select id, number, type, status, received_at from case_file where id <> :id and " + who
                + " order by received_at desc limit 50").param("id", caseId);
        if (customerId != null) {
            q = q.param("c", customerId);
        }
        if (mobileIdx != null) {
            q = q.param("m", mobileIdx);
        }
        return q.query((rs, n) -> new Related(rs.getLong("id"), rs.getString("number"), rs.getString("type"), rs.getString("status"),
                instant(rs, "received_at"))).list();
    }

    /** A staff member's named filter. */
    public record SavedFilter(long id, String name, String status, String type, boolean mine, boolean breaching) {
    }

    List<SavedFilter> filters(String owner) {
        return jdbc.sql("select * from case_saved_filter where owner = :o order by name").param("o", owner)
                .query((rs, n) -> new SavedFilter(rs.getLong("id"), rs.getString("name"), rs.getString("status"), rs.getString("type"),
                        rs.getBoolean("mine"), rs.getBoolean("breaching"))).list();
    }

    boolean filterNameTaken(String owner, String name) {
        return jdbc.sql("select count(*) from case_saved_filter where owner = :o and name = :n").param("o", owner).param("n", name)
                .query(Integer.class).single() > 0;
    }

    long saveFilter(String owner, String name, String status, String type, boolean mine, boolean breaching, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_saved_filter (owner, name, status, type, mine, breaching, created_at)
                values (:o, :n, :s, :t, :m, :b, :at)""").param("o", owner).param("n", name).param("s", status).param("t", type)
                .param("m", mine).param("b", breaching).param("at", ts(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean deleteFilter(String owner, long id) {
        return jdbc.sql("delete from case_saved_filter where id = :id and owner = :o").param("id", id).param("o", owner).update() == 1;
    }
}
