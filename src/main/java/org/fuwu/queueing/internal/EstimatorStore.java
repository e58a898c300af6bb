package org.fuwu.queueing.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the wait estimate reads: recent completed services and the counters of a branch with their state now. */
@Repository
class EstimatorStore {

    /** A counter of the lobby matrix, one row per service it serves: its state now and whether it has a customer. */
    record CounterNow(String counterCode, String serviceCode, boolean open, boolean busy) {
    }

    private final JdbcClient jdbc;

    EstimatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The completed services of a branch whose tickets were issued since {@code since}: type, start and
     * duration (started to closed).
     */
    List<ServiceTimeSamples.Sample> completedSince(String branchCode, Instant since) {
        return jdbc.sql("""
                select service_code, started_at, closed_at from queue_ticket
                where branch_code = :b and issued_at >= :since and status = 'COMPLETED'
                  and started_at is not null and closed_at is not null""")
                .param("b", branchCode).param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    Instant started = rs.getTimestamp(2).toInstant();
                    Instant closed = rs.getTimestamp(3).toInstant();
                    return new ServiceTimeSamples.Sample(rs.getString(1), started, Duration.between(started, closed));
                }).list();
    }

    /**
     * The counters of the matrix with their state (a counter without a state row is open, as the
     * console treats it) and whether a ticket is called to or served at it now.
     */
    List<CounterNow> counters(String branchCode) {
        return jdbc.sql("""
                select cs.counter_code, cs.service_code, st.state,
                    (select count(*) from queue_ticket t where t.branch_code = cs.branch_code
                        and t.counter_code = cs.counter_code and t.status in ('CALLED', 'SERVING')) as busy
                from queue_counter_service cs
                left join queue_counter_state st on st.branch_code = cs.branch_code and st.counter_code = cs.counter_code
                where cs.branch_code = :b""")
                .param("b", branchCode)
                .query((rs, n) -> new CounterNow(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null || "OPEN".equals(rs.getString(3)), rs.getLong(4) > 0))
                .list();
    }
}
