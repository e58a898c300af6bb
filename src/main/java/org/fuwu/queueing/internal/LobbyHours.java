package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.ConflictException;
import org.springframework.stereotype.Component;

/**
 * A branch's opening hours as the lobby uses them: whether it takes tickets now, and when it opens
 * next. Reads organization's hours (business calendar applied) through {@link Branches}.
 */
@Component
public class LobbyHours {

    /** Whether a branch takes tickets now, and if not, when it next opens (null when not within 60 days). */
    public record OpenState(boolean open, ZonedDateTime nextOpening) {

        /** The next opening as the customer reads it, {@code 2026-12-01 09:00}; empty when unknown. */
        public String nextOpeningText() {
            return nextOpening == null ? "" : nextOpening.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }
    }

    private final Branches branches;
    private final Clock clock;
    private final boolean enforce;

    LobbyHours(Branches branches, Clock clock, LobbyScheduleProperties properties) {
        this.branches = branches;
        this.clock = clock;
        this.enforce = properties.enforceOpeningHours();
    }

    public OpeningHours on(String branchCode, LocalDate date) {
        return branches.openingHours(branchCode, date);
    }

    /** Whether the branch is open at an instant, by its hours (whatever the enforcement setting). */
    public boolean openAt(BranchSummary branch, Instant at) {
        return BranchOpening.openAt(d -> on(branch.code(), d), branch.timeZone(), at);
    }

    public Optional<ZonedDateTime> nextOpening(BranchSummary branch, Instant after) {
        return BranchOpening.nextOpening(d -> on(branch.code(), d), branch.timeZone(), after);
    }

    /** Whether the branch takes tickets now; always open when opening hours are not enforced. */
    public OpenState state(BranchSummary branch) {
        Instant now = clock.instant();
        if (!enforce || openAt(branch, now)) {
            return new OpenState(true, null);
        }
        return new OpenState(false, nextOpening(branch, now).orElse(null));
    }

    /** Refuses (409 {@code queueing.conflict.branchClosed}, with the next opening) when the branch is closed now. */
    public void requireOpen(BranchSummary branch) {
        OpenState s = state(branch);
        if (!s.open()) {
            if (s.nextOpening() == null) {
                throw new ConflictException("queueing.conflict.branchClosedNoOpening", branch.code());
            }
            throw new ConflictException("queueing.conflict.branchClosed", branch.code(), s.nextOpeningText());
        }
    }
}
