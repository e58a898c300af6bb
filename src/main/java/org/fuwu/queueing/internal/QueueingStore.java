package org.fuwu.queueing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lobby's tables, through {@link JdbcClient}. */
@Repository
public class QueueingStore {

    private static final String TICKET_COLUMNS = "id, branch_code, service_code, business_day, number, status, priority_class,"
            + " customer_id, channel, status_token, predicted_p50_seconds, predicted_p90_seconds, issued_at";

    private final JdbcClient jdbc;

    QueueingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- service types

    public List<ServiceType> services(String branchCode) {
        return jdbc.sql("select * from queue_service_type where branch_code = :b order by sort_order, code")
                .param("b", branchCode).query(QueueingStore::serviceType).list();
    }

    public Optional<ServiceType> service(String branchCode, String code) {
        return jdbc.sql("select * from queue_service_type where branch_code = :b and code = :c")
                .param("b", branchCode).param("c", code).query(QueueingStore::serviceType).optional();
    }

    public boolean prefixTaken(String branchCode, String prefix, String exceptCode) {
        return jdbc.sql("select count(*) from queue_service_type where branch_code = :b and prefix = :p and code <> :c")
                .param("b", branchCode).param("p", prefix).param("c", exceptCode).query(Long.class).single() > 0;
    }

    public void insertService(ServiceType s) {
        jdbc.sql("""
                insert into queue_service_type (branch_code, code, name_zh, name_en, zone_code, prefix, target_wait_seconds,
                    expected_service_seconds, sort_order, active, version)
                values (:b, :c, :zh, :en, :z, :p, :t, :e, :o, :a, 0)""")
                .param("b", s.branchCode()).param("c", s.code()).param("zh", s.nameZh()).param("en", s.nameEn())
                .param("z", s.zoneCode()).param("p", s.prefix()).param("t", s.targetWaitSeconds())
                .param("e", s.expectedServiceSeconds()).param("o", s.sortOrder()).param("a", s.active()).update();
    }

    /** Updates a service type; false when its version changed meanwhile. */
    public boolean updateService(ServiceType s) {
        return jdbc.sql("""
                update queue_service_type set name_zh = :zh, name_en = :en, zone_code = :z, prefix = :p,
                    target_wait_seconds = :t, expected_service_seconds = :e, sort_order = :o, active = :a,
                    version = version + 1
                where branch_code = :b and code = :c and version = :v""")
                .param("b", s.branchCode()).param("c", s.code()).param("zh", s.nameZh()).param("en", s.nameEn())
                .param("z", s.zoneCode()).param("p", s.prefix()).param("t", s.targetWaitSeconds())
                .param("e", s.expectedServiceSeconds()).param("o", s.sortOrder()).param("a", s.active())
                .param("v", s.version()).update() == 1;
    }

    private static ServiceType serviceType(ResultSet rs, int row) throws SQLException {
        return new ServiceType(rs.getString("branch_code"), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("zone_code"), rs.getString("prefix"), rs.getInt("target_wait_seconds"),
                rs.getInt("expected_service_seconds"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getLong("version"));
    }

    // ---- counter service matrix

    public List<CounterService> matrix(String branchCode) {
        return jdbc.sql("""
                select counter_code, service_code, preference from queue_counter_service where branch_code = :b
                order by counter_code, preference, service_code""")
                .param("b", branchCode)
                .query((rs, n) -> new CounterService(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    public void replaceCounter(String branchCode, String counterCode, List<CounterService> cells) {
        jdbc.sql("delete from queue_counter_service where branch_code = :b and counter_code = :c")
                .param("b", branchCode).param("c", counterCode).update();
        for (CounterService cell : cells) {
            jdbc.sql("""
                    insert into queue_counter_service (branch_code, counter_code, service_code, preference)
                    values (:b, :c, :s, :p)""")
                    .param("b", branchCode).param("c", counterCode).param("s", cell.serviceCode())
                    .param("p", cell.preference()).update();
        }
    }

    /** How many counters serve each service type of a branch. */
    public Map<String, Integer> countersPerService(String branchCode) {
        return jdbc.sql("""
                select service_code, count(*) from queue_counter_service where branch_code = :b group by service_code""")
                .param("b", branchCode).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // ---- numbers

    /** Creates the number counter of a branch, day and prefix if it is not there (run in its own transaction). */
    public void ensureNumberCounter(String branchCode, LocalDate day, String prefix) {
        if (jdbc.sql("""
                select count(*) from queue_number_counter where branch_code = :b and business_day = :d and prefix = :p""")
                .param("b", branchCode).param("d", day).param("p", prefix).query(Long.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("insert into queue_number_counter (branch_code, business_day, prefix, last_number) values (:b, :d, :p, 0)")
                    .param("b", branchCode).param("d", day).param("p", prefix).update();
        } catch (DuplicateKeyException raced) {
            // another instance created it at the same moment: fine
        }
    }

    /**
     * Takes the next number: the update locks the counter row until the surrounding transaction ends,
     * so numbers are unique, and a rolled-back issue gives its number back (no gap).
     */
    public int nextNumber(String branchCode, LocalDate day, String prefix) {
        int updated = jdbc.sql("""
                update queue_number_counter set last_number = last_number + 1
                where branch_code = :b and business_day = :d and prefix = :p""")
                .param("b", branchCode).param("d", day).param("p", prefix).update();
        if (updated != 1) {
            throw new IllegalStateException("no number counter for " + branchCode + " " + day + " " + prefix);
        }
        return jdbc.sql("select last_number from queue_number_counter where branch_code = :b and business_day = :d and prefix = :p")
                .param("b", branchCode).param("d", day).param("p", prefix).query(Integer.class).single();
    }

    // ---- tickets

    public long insertTicket(Ticket t, String prefix, int seq, String idempotencyKey) {
        jdbc.sql("""
                insert into queue_ticket (branch_code, service_code, business_day, prefix, seq, number, status, priority_class,
                    customer_id, channel, status_token, idempotency_key, predicted_p50_seconds, predicted_p90_seconds, issued_at)
                values (:b, :s, :d, :prefix, :seq, :n, :st, :pc, :cust, :ch, :tok, :idem, :p50, :p90, :at)""")
                .param("b", t.branchCode()).param("s", t.serviceCode()).param("d", t.businessDay()).param("prefix", prefix)
                .param("seq", seq).param("n", t.number()).param("st", t.status().name()).param("pc", t.priorityClass().name())
                .param("cust", t.customerId()).param("ch", t.channel().name()).param("tok", t.statusToken())
                .param("idem", idempotencyKey).param("p50", t.predicted().p50Seconds()).param("p90", t.predicted().p90Seconds())
                .param("at", Timestamp.from(t.issuedAt())).update();
        return jdbc.sql("select id from queue_ticket where status_token = :t").param("t", t.statusToken())
                .query(Long.class).single();
    }

    public Optional<Ticket> ticketByToken(String token) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where status_token = :t")
                .param("t", token).query(QueueingStore::ticket).optional();
    }

    public Optional<Ticket> ticketByIdempotencyKey(String branchCode, String key) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where branch_code = :b and idempotency_key = :k")
                .param("b", branchCode).param("k", key).query(QueueingStore::ticket).optional();
    }

    /** Sets the time a ticket ranks from in the first-come order (an appointment's booked time). */
    public void setRanksFrom(long id, Instant ranksFrom) {
        jdbc.sql("update queue_ticket set ranks_from = :rf where id = :id")
                .param("rf", Timestamp.from(ranksFrom)).param("id", id).update();
    }

    public Optional<Ticket> ticketByNumber(String branchCode, LocalDate day, String number) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where branch_code = :b and business_day = :d"
                        + " and number = :n").param("b", branchCode).param("d", day).param("n", number)
                .query(QueueingStore::ticket).optional();
    }

    public Optional<Ticket> ticketById(long id) {
        return jdbc.sql("select " + TICKET_COLUMNS + " from queue_ticket where id = :id").param("id", id)
                .query(QueueingStore::ticket).optional();
    }

    /** Sets a new status if the ticket is still in the expected one; false otherwise. */
    public boolean changeStatus(long id, TicketStatus from, TicketStatus to, Instant closedAt) {
        return jdbc.sql("""
                update queue_ticket set status = :to, closed_at = :closed, version = version + 1
                where id = :id and status = :from""")
                .param("to", to.name()).param("closed", closedAt == null ? null : Timestamp.from(closedAt))
                .param("id", id).param("from", from.name()).update() == 1;
    }

    /** Waiting tickets of a service issued before this one (by id, first come first served). */
    public int waitingAhead(String branchCode, String serviceCode, LocalDate day, long ticketId) {
        return jdbc.sql("""
                select count(*) from queue_ticket
                where branch_code = :b and service_code = :s and business_day = :d and status = 'WAITING' and id < :id""")
                .param("b", branchCode).param("s", serviceCode).param("d", day).param("id", ticketId).query(Long.class).single().intValue();
    }

    /** Waiting tickets per service type of a branch, on a business day. */
    public Map<String, Integer> waitingPerService(String branchCode, LocalDate day) {
        return jdbc.sql("""
                select service_code, count(*) from queue_ticket
                where branch_code = :b and business_day = :d and status = 'WAITING' group by service_code""")
                .param("b", branchCode).param("d", day)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // ---- "almost your turn" notification (issue 3, point 6)

    /** A ticket's notification settings and state, as stored: the mobile number only encrypted. */
    public record NotifyRow(long ticketId, String mobileEnc, String language, Instant notifiedAt, String outcome,
                            String detail) {
    }

    /** A waiting ticket that asked for the notification and has not had it. */
    public record AlmostTurnCandidate(long ticketId, String serviceCode, LocalDate businessDay, String number,
                                      String mobileEnc, String language) {
    }

    /** Stores the encrypted notification number of a ticket that still waits and was not notified; false otherwise. */
    public boolean setNotifyMobile(long ticketId, String mobileEnc, String language) {
        return jdbc.sql("""
                update queue_ticket set notify_mobile_enc = :enc, notify_language = :lang
                where id = :id and status in ('WAITING', 'AWAITING_CHECK_IN') and almost_notified_at is null""")
                .param("enc", mobileEnc).param("lang", language).param("id", ticketId).update() == 1;
    }

    public Optional<NotifyRow> notifyRow(long ticketId) {
        return jdbc.sql("""
                select id, notify_mobile_enc, notify_language, almost_notified_at, almost_sms_outcome, almost_sms_detail
                from queue_ticket where id = :id and notify_mobile_enc is not null""")
                .param("id", ticketId)
                .query((rs, n) -> new NotifyRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** The waiting tickets of a branch with a notification number and no notification yet, first issued first. */
    public List<AlmostTurnCandidate> almostTurnCandidates(String branchCode) {
        return jdbc.sql("""
                select id, service_code, business_day, number, notify_mobile_enc, notify_language from queue_ticket
                where branch_code = :b and status = 'WAITING' and notify_mobile_enc is not null
                  and almost_notified_at is null
                order by id""")
                .param("b", branchCode)
                .query((rs, n) -> new AlmostTurnCandidate(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /**
     * Claims a ticket's one notification: true for exactly one caller on any number of instances, and only
     * while the ticket still waits (a conditional update from null, committed before anything is sent).
     */
    public boolean claimAlmostTurn(long ticketId, Instant at) {
        return jdbc.sql("""
                update queue_ticket set almost_notified_at = :at, almost_sms_outcome = 'PENDING'
                where id = :id and almost_notified_at is null and status = 'WAITING'
                  and notify_mobile_enc is not null""")
                .param("at", Timestamp.from(at)).param("id", ticketId).update() == 1;
    }

    /** What the gateway made of the notification. */
    public void recordAlmostTurn(long ticketId, String outcome, String detail) {
        jdbc.sql("update queue_ticket set almost_sms_outcome = :o, almost_sms_detail = :d where id = :id")
                .param("o", outcome).param("d", detail).param("id", ticketId).update();
    }

    public void insertEvent(long ticketId, String type, TicketStatus status, Instant at, String actor, String details) {
        jdbc.sql("""
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                values (:t, :type, :s, :at, :actor, :d)""")
                .param("t", ticketId).param("type", type).param("s", status.name()).param("at", Timestamp.from(at))
                .param("actor", actor).param("d", details).update();
    }

    public List<String> eventTypes(long ticketId) {
        return jdbc.sql("select type from queue_ticket_event where ticket_id = :t order by id")
                .param("t", ticketId).query(String.class).list();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        return new Ticket(rs.getLong("id"), rs.getString("branch_code"), rs.getString("service_code"),
                rs.getObject("business_day", LocalDate.class), rs.getString("number"),
                TicketStatus.valueOf(rs.getString("status")), PriorityClass.valueOf(rs.getString("priority_class")),
                customerId, Channel.valueOf(rs.getString("channel")), rs.getString("status_token"),
                new WaitEstimate(rs.getLong("predicted_p50_seconds"), rs.getLong("predicted_p90_seconds")),
                rs.getTimestamp("issued_at").toInstant());
    }
}
