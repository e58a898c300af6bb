package org.fuwu.queueing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fuwu.routing.FairnessBound;
import org.fuwu.routing.PolicyKind;
import org.fuwu.routing.PolicyParameters;
import org.fuwu.routing.RoutingState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The counter console's tables and columns: call state of tickets, branch routing, counter state. */
@Repository
class ConsoleStore {

    /** A ticket with its call and service state. */
    record ConsoleTicket(Ticket ticket, int overtakes, Instant firstOvertakenAt, Instant calledAt, String counterCode,
                         int recalls, String servedBy, Instant startedAt, String outcome, Instant ranksFrom,
                         String targetCounter, String explanation, String explanationParts,
                         QueueingStore.NotifyRow notifyRow) {

        long id() {
            return ticket.id();
        }

        TicketStatus status() {
            return ticket.status();
        }
    }

    /** A branch's routing settings and the policy's memory. */
    record BranchRouting(String branchCode, PolicyKind kind, int maxOvertakes, int maxDelaySeconds, RoutingState state) {

        PolicyParameters parameters() {
            return PolicyParameters.of(kind, new FairnessBound(maxOvertakes, Duration.ofSeconds(maxDelaySeconds)));
        }
    }

    /** A counter's state as stored; a counter without a row is open. */
    record CounterState(String counterCode, String state, String teller, Instant changedAt) {
    }

    static final PolicyKind DEFAULT_KIND = PolicyKind.STRICT_PRIORITY;

    private static final String COLUMNS = "id, branch_code, service_code, business_day, number, status, priority_class,"
            + " customer_id, channel, status_token, predicted_p50_seconds, predicted_p90_seconds, issued_at, overtakes,"
            + " first_overtaken_at, called_at, counter_code, recalls, served_by, started_at, outcome, ranks_from,"
            + " target_counter, explanation, explanation_parts,"
            // the "almost your turn" notification, read with the ticket (no second query per view)
            + " notify_mobile_enc, notify_language, almost_notified_at, almost_sms_outcome, almost_sms_detail";

    private final JdbcClient jdbc;

    ConsoleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- routing

    void ensureRouting(String branchCode) {
        if (jdbc.sql("select count(*) from queue_branch_routing where branch_code = :b").param("b", branchCode)
                .query(Long.class).single() > 0) {
            return;
        }
        try {
            FairnessBound d = FairnessBound.DEFAULT;
            jdbc.sql("""
                    insert into queue_branch_routing (branch_code, policy_kind, max_overtakes, max_delay_seconds, state, version)
                    values (:b, :k, :mo, :md, '', 0)""")
                    .param("b", branchCode).param("k", DEFAULT_KIND.name()).param("mo", d.maxOvertakes())
                    .param("md", (int) d.maxDelay().toSeconds()).update();
        } catch (DuplicateKeyException raced) {
            // created by another caller at the same moment
        }
    }

    /** The branch's routing row, locked until the transaction ends: call-next of a branch is serialised. */
    BranchRouting lockRouting(String branchCode) {
        return jdbc.sql("select * from queue_branch_routing where branch_code = :b for update").param("b", branchCode)
                .query(ConsoleStore::routing).single();
    }

    Optional<BranchRouting> routing(String branchCode) {
        return jdbc.sql("select * from queue_branch_routing where branch_code = :b").param("b", branchCode)
                .query(ConsoleStore::routing).optional();
    }

    void updateRoutingSettings(String branchCode, PolicyKind kind, int maxOvertakes, int maxDelaySeconds) {
        jdbc.sql("""
                update queue_branch_routing set policy_kind = :k, max_overtakes = :mo, max_delay_seconds = :md, state = '',
                    version = version + 1 where branch_code = :b""")
                .param("b", branchCode).param("k", kind.name()).param("mo", maxOvertakes).param("md", maxDelaySeconds)
                .update();
    }

    void storeState(String branchCode, RoutingState state) {
        jdbc.sql("update queue_branch_routing set state = :s, version = version + 1 where branch_code = :b")
                .param("b", branchCode).param("s", encode(state)).update();
    }

    static String encode(RoutingState state) {
        return state.credits().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    static RoutingState decode(String text) {
        Map<org.fuwu.routing.PriorityClass, Long> credits = new EnumMap<>(org.fuwu.routing.PriorityClass.class);
        if (text != null && !text.isBlank()) {
            for (String part : text.split(";")) {
                String[] kv = part.split("=", 2);
                credits.put(org.fuwu.routing.PriorityClass.valueOf(kv[0].strip()), Long.parseLong(kv[1].strip()));
            }
        }
        return new RoutingState(credits);
    }

    private static BranchRouting routing(ResultSet rs, int row) throws SQLException {
        return new BranchRouting(rs.getString("branch_code"), PolicyKind.valueOf(rs.getString("policy_kind")),
                rs.getInt("max_overtakes"), rs.getInt("max_delay_seconds"), decode(rs.getString("state")));
    }

    // ---- tickets

    Optional<ConsoleTicket> ticket(long id) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where id = :id").param("id", id)
                .query(ConsoleStore::consoleTicket).optional();
    }

    /** Waiting tickets of a branch and day: for this counter's services, or transferred to this counter. */
    List<ConsoleTicket> waitingFor(String branchCode, LocalDate day, String counterCode, List<String> services) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where branch_code = :b and business_day = :d"
                        + " and status = 'WAITING' and ((target_counter is null and service_code in (:s))"
                        + " or target_counter = :c) order by id")
                .param("b", branchCode).param("d", day).param("c", counterCode)
                .param("s", services.isEmpty() ? List.of("\u0000") : services)
                .query(ConsoleStore::consoleTicket).list();
    }

    List<ConsoleTicket> waiting(String branchCode, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where branch_code = :b and business_day = :d"
                        + " and status = 'WAITING' order by id")
                .param("b", branchCode).param("d", day).query(ConsoleStore::consoleTicket).list();
    }

    /** The ticket called to or served at a counter now (CALLED or SERVING), if any. */
    Optional<ConsoleTicket> currentAt(String branchCode, String counterCode) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where branch_code = :b and counter_code = :c"
                        + " and status in ('CALLED', 'SERVING') order by called_at desc, id desc")
                .param("b", branchCode).param("c", counterCode).query(ConsoleStore::consoleTicket).list()
                .stream().findFirst();
    }

    List<ConsoleTicket> parkedAt(String branchCode, String counterCode) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where branch_code = :b and counter_code = :c"
                        + " and status = 'PARKED' order by id")
                .param("b", branchCode).param("c", counterCode).query(ConsoleStore::consoleTicket).list();
    }

    /** Marks a waiting ticket called; false when it no longer waits. */
    boolean markCalled(long id, String counterCode, Instant at, String servedBy, String explanation, String parts) {
        return jdbc.sql("""
                update queue_ticket set status = 'CALLED', counter_code = :c, called_at = :at, served_by = :by,
                    explanation = :x, explanation_parts = :xp, target_counter = null, version = version + 1
                where id = :id and status = 'WAITING'""")
                .param("id", id).param("c", counterCode).param("at", Timestamp.from(at)).param("by", servedBy)
                .param("x", explanation).param("xp", parts).update() == 1;
    }

    void markOvertaken(long id, Instant at) {
        jdbc.sql("""
                update queue_ticket set overtakes = overtakes + 1,
                    first_overtaken_at = coalesce(first_overtaken_at, :at), version = version + 1
                where id = :id and status = 'WAITING'""")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    boolean recall(long id, int recallsSoFar) {
        return jdbc.sql("""
                update queue_ticket set recalls = recalls + 1, version = version + 1
                where id = :id and status = 'CALLED' and recalls = :r""")
                .param("id", id).param("r", recallsSoFar).update() == 1;
    }

    /** Moves a ticket from one state to another; false when it is no longer in {@code from}. */
    boolean transition(long id, TicketStatus from, TicketStatus to, Instant at, String counterCode, String servedBy,
                       String outcome) {
        boolean closes = !to.isOpen();
        return jdbc.sql("""
                update queue_ticket set status = :to, version = version + 1,
                    started_at = case when :to = 'SERVING' and started_at is null then :at else started_at end,
                    called_at = case when :to = 'CALLED' then :at else called_at end,
                    counter_code = coalesce(:c, counter_code), served_by = coalesce(:by, served_by),
                    outcome = coalesce(:o, outcome), closed_at = case when :closes then :at else closed_at end
                where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("at", Timestamp.from(at))
                .param("c", counterCode).param("by", servedBy).param("o", outcome).param("closes", closes)
                .update() == 1;
    }

    boolean transfer(long id, TicketStatus from, String serviceCode, String targetCounter, Instant ranksFrom) {
        return jdbc.sql("""
                update queue_ticket set status = 'WAITING', service_code = :s, target_counter = :tc, ranks_from = :rf,
                    counter_code = null, called_at = null, started_at = null, served_by = null, recalls = 0,
                    overtakes = 0, first_overtaken_at = null, explanation = null, explanation_parts = null, version = version + 1
                where id = :id and status = :from""")
                .param("id", id).param("from", from.name()).param("s", serviceCode).param("tc", targetCounter)
                .param("rf", ranksFrom == null ? null : Timestamp.from(ranksFrom)).update() == 1;
    }

    /** Changes a waiting ticket's priority class; false when it no longer waits or its class changed meanwhile. */
    boolean changePriority(long id, PriorityClass from, PriorityClass to) {
        return jdbc.sql("""
                update queue_ticket set priority_class = :to, version = version + 1
                where id = :id and status = 'WAITING' and priority_class = :from""")
                .param("id", id).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    void insertPriorityOverride(long ticketId, PriorityClass from, PriorityClass to, String reason, String noteEnc,
                                String actor, Instant at) {
        jdbc.sql("""
                insert into queue_priority_override (ticket_id, from_class, to_class, reason, note_enc, actor, changed_at)
                values (:t, :f, :to, :r, :n, :a, :at)""")
                .param("t", ticketId).param("f", from.name()).param("to", to.name()).param("r", reason)
                .param("n", noteEnc).param("a", actor).param("at", Timestamp.from(at)).update();
    }

    /** A customer's most recent tickets (any branch), newest first: the console's visit history, and {@code LobbyVisits}. */
    List<ConsoleTicket> recentOfCustomer(long customerId, long exceptTicketId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from queue_ticket where customer_id = :c and id <> :x"
                        + " order by issued_at desc, id desc fetch first " + Math.max(1, limit) + " rows only")
                .param("c", customerId).param("x", exceptTicketId).query(ConsoleStore::consoleTicket).list();
    }

    /** Stores a ticket event and gives its id. */
    long insertEvent(long ticketId, String type, TicketStatus status, Instant at, String actor, String details) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into queue_ticket_event (ticket_id, type, status, occurred_at, actor, details)
                values (:t, :type, :s, :at, :actor, :d)""")
                .param("t", ticketId).param("type", type).param("s", status.name()).param("at", Timestamp.from(at))
                .param("actor", actor).param("d", details).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Events of a ticket of one type, as {@code details}, oldest first. */
    List<String> eventDetails(long ticketId, String type) {
        return jdbc.sql("select details from queue_ticket_event where ticket_id = :t and type = :type order by id")
                .param("t", ticketId).param("type", type).query(String.class).list();
    }

    // ---- counters

    List<CounterState> counterStates(String branchCode) {
        return jdbc.sql("select counter_code, state, teller, changed_at from queue_counter_state where branch_code = :b"
                        + " order by counter_code")
                .param("b", branchCode).query(ConsoleStore::counterState).list();
    }

    Optional<CounterState> counterState(String branchCode, String counterCode) {
        return jdbc.sql("select counter_code, state, teller, changed_at from queue_counter_state"
                        + " where branch_code = :b and counter_code = :c")
                .param("b", branchCode).param("c", counterCode).query(ConsoleStore::counterState).optional();
    }

    void putCounterState(String branchCode, String counterCode, String state, String teller, Instant at) {
        int n = jdbc.sql("""
                update queue_counter_state set state = :s, teller = :t, changed_at = :at
                where branch_code = :b and counter_code = :c""")
                .param("b", branchCode).param("c", counterCode).param("s", state).param("t", teller)
                .param("at", Timestamp.from(at)).update();
        if (n == 0) {
            jdbc.sql("""
                    insert into queue_counter_state (branch_code, counter_code, state, teller, changed_at)
                    values (:b, :c, :s, :t, :at)""")
                    .param("b", branchCode).param("c", counterCode).param("s", state).param("t", teller)
                    .param("at", Timestamp.from(at)).update();
        }
    }

    private static CounterState counterState(ResultSet rs, int row) throws SQLException {
        return new CounterState(rs.getString("counter_code"), rs.getString("state"), rs.getString("teller"),
                instant(rs, "changed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ConsoleTicket consoleTicket(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        Long customerId = rs.wasNull() ? null : customer;
        Ticket t = new Ticket(rs.getLong("id"), rs.getString("branch_code"), rs.getString("service_code"),
                rs.getObject("business_day", LocalDate.class), rs.getString("number"),
                TicketStatus.valueOf(rs.getString("status")), PriorityClass.valueOf(rs.getString("priority_class")),
                customerId, Channel.valueOf(rs.getString("channel")), rs.getString("status_token"),
                new WaitEstimate(rs.getLong("predicted_p50_seconds"), rs.getLong("predicted_p90_seconds")),
                rs.getTimestamp("issued_at").toInstant());
        return new ConsoleTicket(t, rs.getInt("overtakes"), instant(rs, "first_overtaken_at"), instant(rs, "called_at"),
                rs.getString("counter_code"), rs.getInt("recalls"), rs.getString("served_by"), instant(rs, "started_at"),
                rs.getString("outcome"), instant(rs, "ranks_from"), rs.getString("target_counter"),
                rs.getString("explanation"), rs.getString("explanation_parts"),
                rs.getString("notify_mobile_enc") == null ? null : new QueueingStore.NotifyRow(t.id(),
                        rs.getString("notify_mobile_enc"), rs.getString("notify_language"),
                        instant(rs, "almost_notified_at"), rs.getString("almost_sms_outcome"),
                        rs.getString("almost_sms_detail")));
    }
}
