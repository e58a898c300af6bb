package org.fuwu.queueing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The appointment book's side of {@link UpcomingAppointments}: booked appointments not yet checked in. */
@Component
class JdbcUpcomingAppointments implements UpcomingAppointments {

    private final JdbcClient jdbc;

    JdbcUpcomingAppointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Instant> bookedBetween(String branchCode, String serviceCode, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return jdbc.sql("""
                select slot_start from queue_appointment where branch_code = :b and service_code = :s
                  and status = 'BOOKED' and slot_start >= :from and slot_start < :to order by slot_start""")
                .param("b", branchCode).param("s", serviceCode).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }
}
