package org.fuwu.platform.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log with filters, newest first, a page at a time. */
@Component
class AuditQuery {

    /** The filters; each is optional. Dates are UTC days, {@code to} inclusive. */
    record Filter(String actor, String action, String outcome, String target, LocalDate from, LocalDate to) {
    }

    record Page(List<AuditRow> items, int page, int size, long total) {
        int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page find(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        like(where, params, "actor", f.actor());
        like(where, params, "action", f.action());
        like(where, params, "target", f.target());
        if (f.outcome() != null && !f.outcome().isBlank()) {
            where.append(" and outcome = :outcome");
            params.put("outcome", f.outcome().trim().toUpperCase(Locale.ROOT));
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        long total = jdbc.sql("select count(*) from audit_record" + where).params(params).query(Long.class).single();
        List<AuditRow> rows = new ArrayList<>(jdbc.sql("""
                select seq, occurred_at, actor, origin, action, target, outcome, details, prev_hash, hash
                from audit_record""" + where + " order by seq desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditRow(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("origin"), rs.getString("action"), rs.getString("target"),
                        rs.getString("outcome"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash")))
                .list());
        return new Page(rows, page, size, total);
    }

    private static void like(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and lower(").append(column).append(") like :").append(column).append(" escape '\\'");
            String escaped = value.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put(column, "%" + escaped + "%");
        }
    }
}
