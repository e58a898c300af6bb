package org.fuwu.queueing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointment book's tables, through {@link JdbcClient}. */
@Repository
class AppointmentStore {

    private static final String COLUMNS = "id, branch_code, service_code, business_day, slot_start, slot_minutes,"
            + " booked_slot_start, status, customer_id, mobile_enc, token, ticket_id, channel, booked_at, checked_in_at, version";

    private final JdbcClient jdbc;

    AppointmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks a service type's row until the transaction ends: bookings of one service are serialised
     * (on every instance), so a slot never takes more than its capacity.
     */
    void lockService(String branchCode, String serviceCode) {
        jdbc.sql("select code from queue_service_type where branch_code = :b and code = :s for update")
                .param("b", branchCode).param("s", serviceCode).query(String.class).list();
    }

    /** A service's booking capacity per slot as set; empty for "as many as counters serve it". */
    Optional<Integer> capacitySetting(String branchCode, String serviceCode) {
        List<Integer> rows = jdbc.sql("""
                select appointment_capacity from queue_service_type where branch_code = :b and code = :s""")
                .param("b", branchCode).param("s", serviceCode)
                .query((rs, n) -> {
                    int v = rs.getInt(1);
                    return rs.wasNull() ? null : v;
                }).list();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    void setCapacity(String branchCode, String serviceCode, Integer capacity) {
        jdbc.sql("update queue_service_type set appointment_capacity = :c where branch_code = :b and code = :s")
                .param("c", capacity).param("b", branchCode).param("s", serviceCode).update();
    }

    /** Bookings held (BOOKED or CHECKED_IN) per slot start of a service on a business day. */
    Map<Instant, Integer> heldPerSlot(String branchCode, String serviceCode, LocalDate day) {
        Map<Instant, Integer> held = new HashMap<>();
        jdbc.sql("""
                select slot_start, count(*) from queue_appointment where branch_code = :b and service_code = :s
                  and business_day = :d and status in ('BOOKED', 'CHECKED_IN') group by slot_start""")
                .param("b", branchCode).param("s", serviceCode).param("d", day)
                .query((rs, n) -> Map.entry(rs.getTimestamp(1).toInstant(), rs.getInt(2))).list()
                .forEach(e -> held.put(e.getKey(), e.getValue()));
        return held;
    }

    long insert(Appointment a, String mobileIndex, String idempotencyKey) {
        jdbc.sql("""
                insert into queue_appointment (branch_code, service_code, business_day, slot_start, slot_minutes,
                    booked_slot_start, status, customer_id, mobile_enc, mobile_index, token, idempotency_key, channel,
                    booked_at, version)
                values (:b, :s, :d, :start, :m, :start, :st, :cust, :enc, :idx, :tok, :idem, :ch, :at, 0)""")
                .param("b", a.branchCode()).param("s", a.serviceCode()).param("d", a.businessDay())
                .param("start", Timestamp.from(a.slotStart())).param("m", a.slotMinutes())
                .param("st", a.status().name()).param("cust", a.customerId()).param("enc", a.mobileEnc())
                .param("idx", mobileIndex).param("tok", a.token()).param("idem", idempotencyKey)
                .param("ch", a.channel().name()).param("at", Timestamp.from(a.bookedAt())).update();
        return jdbc.sql("select id from queue_appointment where token = :t").param("t", a.token())
                .query(Long.class).single();
    }

    Optional<Appointment> byToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where token = :t").param("t", token)
                .query(AppointmentStore::appointment).optional();
    }

    Optional<Appointment> byIdempotencyKey(String branchCode, String key) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where branch_code = :b and idempotency_key = :k")
                .param("b", branchCode).param("k", key).query(AppointmentStore::appointment).optional();
    }

    List<Appointment> ofDay(String branchCode, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where branch_code = :b and business_day = :d"
                        + " order by slot_start, id")
                .param("b", branchCode).param("d", day).query(AppointmentStore::appointment).list();
    }

    /** BOOKED appointments of a branch whose business day is after {@code day}, soonest first. */
    List<Appointment> bookedAfter(String branchCode, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where branch_code = :b and business_day > :d"
                        + " and status = 'BOOKED' order by slot_start, id")
                .param("b", branchCode).param("d", day).query(AppointmentStore::appointment).list();
    }

    /** BOOKED appointments of a branch on or before a business day. */
    List<Appointment> bookedUpTo(String branchCode, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where branch_code = :b and business_day <= :d"
                        + " and status = 'BOOKED' order by slot_start, id")
                .param("b", branchCode).param("d", day).query(AppointmentStore::appointment).list();
    }

    /** BOOKED appointments of every branch whose slot started before {@code before}. */
    List<Appointment> bookedStartedBefore(Instant before) {
        return jdbc.sql("select " + COLUMNS + " from queue_appointment where status = 'BOOKED' and slot_start < :t"
                        + " order by slot_start, id")
                .param("t", Timestamp.from(before)).query(AppointmentStore::appointment).list();
    }

    /** Moves an appointment from one status to another; false when it is no longer in {@code from}. */
    boolean changeStatus(long id, Appointment.Status from, Appointment.Status to, Instant at) {
        return jdbc.sql("""
                update queue_appointment set status = :to, closed_at = :at, version = version + 1
                where id = :id and status = :from""")
                .param("to", to.name()).param("at", at == null ? null : Timestamp.from(at)).param("id", id)
                .param("from", from.name()).update() == 1;
    }

    boolean markCheckedIn(long id, long ticketId, Instant at) {
        return jdbc.sql("""
                update queue_appointment set status = 'CHECKED_IN', ticket_id = :t, checked_in_at = :at,
                    version = version + 1 where id = :id and status = 'BOOKED'""")
                .param("t", ticketId).param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /** Moves a BOOKED appointment to another slot; false when it changed meanwhile. */
    boolean move(long id, long version, LocalDate day, Instant slotStart) {
        return jdbc.sql("""
                update queue_appointment set business_day = :d, slot_start = :s, version = version + 1
                where id = :id and version = :v and status = 'BOOKED'""")
                .param("d", day).param("s", Timestamp.from(slotStart)).param("id", id).param("v", version)
                .update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        long ticket = rs.getLong("ticket_id");
        Long ticketId = rs.wasNull() ? null : ticket;
        return new Appointment(rs.getLong("id"), rs.getString("branch_code"), rs.getString("service_code"),
                rs.getObject("business_day", LocalDate.class), instant(rs, "slot_start"), rs.getInt("slot_minutes"),
                instant(rs, "booked_slot_start"), Appointment.Status.valueOf(rs.getString("status")), customerId,
                rs.getString("mobile_enc"), rs.getString("token"), ticketId, Channel.valueOf(rs.getString("channel")),
                instant(rs, "booked_at"), instant(rs, "checked_in_at"), rs.getLong("version"));
    }
}
