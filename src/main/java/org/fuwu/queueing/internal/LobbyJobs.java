package org.fuwu.queueing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lobby's scheduled jobs, every minute on every instance (each is safe to run concurrently, see
 * {@link EndOfDayService} and {@link AppointmentService#markMissed()}): the end of day of branches that
 * have closed, and missed appointments. Off with {@code fuwu.queueing.schedule.jobs-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "fuwu.queueing.schedule.jobs-enabled", havingValue = "true", matchIfMissing = true)
class LobbyJobs {

    private static final Logger log = LoggerFactory.getLogger(LobbyJobs.class);

    private final EndOfDayService endOfDay;
    private final AppointmentService appointments;

    LobbyJobs(EndOfDayService endOfDay, AppointmentService appointments) {
        this.endOfDay = endOfDay;
        this.appointments = appointments;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void run() {
        try {
            int missed = appointments.markMissed();
            if (missed > 0) {
                log.info("{} appointments missed", missed);
            }
            endOfDay.runDue().forEach(r -> log.info("End of day of branch {} for {}: {} tickets closed, {} bookings"
                    + " moved, {} carried over", r.branchCode(), r.businessDay(), r.closedTickets(),
                    r.movedAppointments(), r.carriedOver()));
        } catch (RuntimeException e) {
            log.warn("Lobby jobs failed: {}", e.toString());
        }
    }
}
