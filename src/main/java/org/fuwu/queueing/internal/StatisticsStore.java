package org.fuwu.queueing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.fuwu.queueing.internal.LobbyStatistics.TicketFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the tickets the statistics are computed from. The first call is the earliest CALLED event of
 * the ticket (its {@code called_at} column is moved by a return from parking and cleared by a transfer).
 */
@Repository
class StatisticsStore {

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tickets of a branch issued from {@code from} (inclusive) to {@code to} (exclusive). */
    List<TicketFacts> issuedBetween(String branchCode, Instant from, Instant to) {
        return jdbc.sql("""
                select t.branch_code, t.service_code, t.counter_code, t.served_by, t.status, t.issued_at, t.started_at,
                    t.closed_at, t.predicted_p50_seconds, t.predicted_p90_seconds,
                    (select min(e.occurred_at) from queue_ticket_event e
                        where e.ticket_id = t.id and e.type = 'CALLED') as first_called_at
                from queue_ticket t
                where t.branch_code = :b and t.issued_at >= :from and t.issued_at < :to""")
                .param("b", branchCode).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(StatisticsStore::facts).list();
    }

    private static TicketFacts facts(ResultSet rs, int row) throws SQLException {
        return new TicketFacts(rs.getString("branch_code"), rs.getString("service_code"), rs.getString("counter_code"),
                rs.getString("served_by"), TicketStatus.valueOf(rs.getString("status")), instant(rs, "issued_at"),
                instant(rs, "first_called_at"), instant(rs, "started_at"), instant(rs, "closed_at"),
                rs.getLong("predicted_p50_seconds"), rs.getLong("predicted_p90_seconds"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
