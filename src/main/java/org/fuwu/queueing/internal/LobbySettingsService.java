package org.fuwu.queueing.internal;

import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a branch's {@link LobbySettings}; a branch without a row has the defaults. */
@Service
public class LobbySettingsService {

    private final JdbcClient jdbc;
    private final LobbyConfigService config;
    private final LobbyScheduleProperties properties;
    private final AuditLog audit;

    LobbySettingsService(JdbcClient jdbc, LobbyConfigService config, LobbyScheduleProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.config = config;
        this.properties = properties;
        this.audit = audit;
    }

    /** The settings of a branch, unscoped (the public pages need them). */
    public LobbySettings of(String branchCode) {
        return jdbc.sql("""
                select branch_code, remote_check_in_required, slot_minutes, booking_days_ahead, version
                from queue_branch_settings where branch_code = :b""").param("b", branchCode)
                .query((rs, n) -> new LobbySettings(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5))).optional()
                .orElseGet(() -> new LobbySettings(branchCode, false, properties.defaultSlotMinutes(),
                        properties.defaultBookingDaysAhead(), 0));
    }

    /** The settings of a branch of the caller's scope. */
    public LobbySettings forStaff(String branchCode) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        return of(branchCode);
    }

    /** Changes a branch's settings (administrators), audited; 409 when they changed meanwhile. */
    @Transactional
    public LobbySettings update(String branchCode, boolean remoteCheckInRequired, int slotMinutes, int bookingDaysAhead,
                                long version) {
        config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        if (slotMinutes < 5 || slotMinutes > 240) {
            throw FieldValidationException.of("slotMinutes", "queueing.validation.slotMinutes");
        }
        if (bookingDaysAhead < 0 || bookingDaysAhead > 90) {
            throw FieldValidationException.of("bookingDaysAhead", "queueing.validation.bookingDaysAhead");
        }
        LobbySettings old = of(branchCode);
        if (old.version() != version) {
            throw new ConflictException("problem.conflict.concurrent");
        }
        int n;
        if (jdbc.sql("select count(*) from queue_branch_settings where branch_code = :b").param("b", branchCode)
                .query(Long.class).single() == 0) {
            n = jdbc.sql("""
                    insert into queue_branch_settings (branch_code, remote_check_in_required, slot_minutes, booking_days_ahead, version)
                    values (:b, :r, :s, :d, 1)""")
                    .param("b", branchCode).param("r", remoteCheckInRequired).param("s", slotMinutes)
                    .param("d", bookingDaysAhead).update();
        } else {
            n = jdbc.sql("""
                    update queue_branch_settings set remote_check_in_required = :r, slot_minutes = :s,
                        booking_days_ahead = :d, version = version + 1 where branch_code = :b and version = :v""")
                    .param("b", branchCode).param("r", remoteCheckInRequired).param("s", slotMinutes)
                    .param("d", bookingDaysAhead).param("v", version).update();
        }
        if (n != 1) {
            throw new ConflictException("problem.conflict.concurrent");
        }
        audit.success("queueing.settings.update", "branch:" + branchCode,
                Map.of("remoteCheckInRequired", String.valueOf(remoteCheckInRequired),
                        "slotMinutes", String.valueOf(slotMinutes), "bookingDaysAhead", String.valueOf(bookingDaysAhead)));
        return of(branchCode);
    }
}
