package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.instant;
import static org.fuwu.platform.SqlTimes.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.web.Csv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The historical report ({@link ContactReport}) from the stored conversations and the agents' presence
 * changes, for days of the centre's time zone; CSV exports are audited.
 */
@Service
public class ReportService {

    static final Duration FCR_WINDOW = Duration.ofDays(7);
    static final int MAX_DAYS = 92;

    /** A checked query: whole days from and to (inclusive), and the grain. */
    public record Query(LocalDate from, LocalDate to, ContactReport.Grain grain) {
    }

    private final JdbcClient jdbc;
    private final ContactConfigStore config;
    private final ContactProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    ReportService(JdbcClient jdbc, ContactConfigStore config, ContactProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.config = config;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public Query query(String from, String to, String grain) {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        LocalDate f = day(from, "from", today);
        LocalDate t = day(to, "to", f);
        if (t.isBefore(f) || t.isAfter(f.plusDays(MAX_DAYS - 1))) {
            throw FieldValidationException.of("to", "contact.validation.reportRange");
        }
        ContactReport.Grain g;
        try {
            g = grain == null || grain.isBlank() ? ContactReport.Grain.HOUR
                    : ContactReport.Grain.valueOf(grain.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("grain", "contact.validation.grain");
        }
        return new Query(f, t, g);
    }

    private static LocalDate day(String raw, String field, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw FieldValidationException.of(field, "contact.validation.day");
        }
    }

    public List<ContactReport.Row> rows(Query q) {
        Instant from = q.from().atStartOfDay(properties.zone()).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(properties.zone()).toInstant();
        Instant now = clock.instant();
        Map<String, Integer> sl = new HashMap<>();
        config.queues().forEach(x -> sl.put(x.code(), x.slSeconds()));
        record C(long id, String queue, Instant queued, Instant created, Instant assigned, Instant ended, String status,
                 Long customer) {
        }
        List<C> cs = jdbc.sql("""
                select id, queue_code, queued_at, created_at, assigned_at, ended_at, status, customer_id from contact_conversation
                where queued_at >= :f and queued_at < :t""").param("f", ts(from)).param("t", ts(to))
                .query((rs, n) -> {
                    long cust = rs.getLong("customer_id");
                    return new C(rs.getLong("id"), rs.getString("queue_code"), instant(rs, "queued_at"), instant(rs, "created_at"),
                            instant(rs, "assigned_at"), instant(rs, "ended_at"), rs.getString("status"), rs.wasNull() ? null : cust);
                }).list();
        // every later contact of these customers, for first-contact resolution
        Map<Long, List<Instant>> later = new HashMap<>();
        jdbc.sql("select customer_id, created_at from contact_conversation where customer_id is not null and created_at >= :f and created_at < :t")
                .param("f", ts(from)).param("t", ts(to.plus(FCR_WINDOW)))
                .query(rs -> {
                    later.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(instant(rs, "created_at"));
                });
        List<ContactReport.Contact> contacts = new ArrayList<>();
        for (C c : cs) {
            Instant next = null;
            if (c.customer() != null) {
                for (Instant x : later.getOrDefault(c.customer(), List.of())) {
                    if (x.isAfter(c.created()) && (next == null || x.isBefore(next))) {
                        next = x;
                    }
                }
            }
            contacts.add(new ContactReport.Contact(c.queue(), sl.getOrDefault(c.queue(), 20), c.queued(),
                    "ABANDONED".equals(c.status()) ? null : c.assigned(), "ABANDONED".equals(c.status()) ? c.ended() : null,
                    "ENDED".equals(c.status()) ? c.ended() : null, c.customer(), next));
        }
        return ContactReport.of(contacts, available(from, to, now), busy(from, to, now), from, to, q.grain(),
                properties.zone(), WallService.SHORT_ABANDON, FCR_WINDOW);
    }

    /** The agents' AVAILABLE stretches from their presence changes (the day before counts for the state at the start). */
    private List<ContactReport.Span> available(Instant from, Instant to, Instant now) {
        Map<Long, List<Object[]>> changes = new TreeMap<>();
        jdbc.sql("""
                select agent_id, data, occurred_at from contact_event
                where kind = 'PRESENCE' and occurred_at >= :f and occurred_at < :t order by occurred_at, id""")
                .param("f", ts(from.minus(Duration.ofDays(1)))).param("t", ts(to))
                .query(rs -> {
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Object[]{rs.getString(2), instant(rs, "occurred_at")});
                });
        List<ContactReport.Span> spans = new ArrayList<>();
        Instant end = to.isBefore(now) ? to : now;
        changes.forEach((agent, list) -> {
            for (int i = 0; i < list.size(); i++) {
                String data = (String) list.get(i)[0];
                if (data != null && data.startsWith("presence=AVAILABLE")) {
                    Instant a = (Instant) list.get(i)[1];
                    Instant b = i + 1 < list.size() ? (Instant) list.get(i + 1)[1] : end;
                    if (a.isBefore(b)) {
                        spans.add(new ContactReport.Span(agent, a, b));
                    }
                }
            }
        });
        return spans;
    }

    private List<ContactReport.Span> busy(Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                select agent_id, assigned_at, ended_at from contact_conversation
                where agent_id is not null and assigned_at is not null and assigned_at < :t and (ended_at is null or ended_at > :f)""")
                .param("f", ts(from)).param("t", ts(to))
                .query((rs, n) -> new ContactReport.Span(rs.getLong(1), instant(rs, "assigned_at"),
                        instant(rs, "ended_at") == null ? now : instant(rs, "ended_at"))).list();
    }

    /** The report as CSV (audited as an export). */
    public String csv(Query q) {
        StringBuilder b = new StringBuilder("interval_start,queue,offered,answered,answered_within_sl,abandoned,short_abandons,"
                + "service_level,asa_seconds,handled,aht_seconds,fcr_contacts,fcr,occupancy\n");
        for (ContactReport.Row r : rows(q)) {
            b.append(Csv.cell(r.from().atZone(properties.zone()).toOffsetDateTime().toString())).append(',')
                    .append(Csv.cell(r.queue() == null ? "*" : r.queue())).append(',').append(r.offered()).append(',')
                    .append(r.answered()).append(',').append(r.answeredWithin()).append(',').append(r.abandoned()).append(',')
                    .append(r.shortAbandons()).append(',').append(String.format(Locale.ROOT, "%.4f", r.serviceLevel())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.asaSeconds())).append(',').append(r.handled()).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", r.ahtSeconds())).append(',').append(r.fcrContacts()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.fcr())).append(',')
                    .append(r.occupancy() == null ? "" : String.format(Locale.ROOT, "%.4f", r.occupancy())).append('\n');
        }
        audit.success("contact.report.export", "contactReport:" + q.from() + ".." + q.to(),
                Map.of("grain", q.grain().name()));
        return b.toString();
    }
}
