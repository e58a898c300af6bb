package org.fuwu.organization.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fuwu.organization.BranchLocation;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.organization.OpeningHours;
import org.fuwu.platform.BranchDirectory;
import org.fuwu.platform.BusinessCalendar;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Component;

/** The platform's branch directory and the module's {@link Branches} API, read from the organisation tables. */
@Component
class JdbcBranchDirectory implements BranchDirectory, Branches {

    private final OrganizationRepository repository;
    private final BusinessCalendars calendars;

    JdbcBranchDirectory(OrganizationRepository repository, BusinessCalendars calendars) {
        this.repository = repository;
        this.calendars = calendars;
    }

    @Override
    public boolean branchExists(String branchCode) {
        return branchCode != null && repository.findBranch(branchCode).isPresent();
    }

    @Override
    public boolean regionExists(String regionCode) {
        return regionCode != null && repository.findRegion(regionCode).isPresent();
    }

    @Override
    public Set<String> branchCodesOfRegion(String regionCode) {
        if (regionCode == null) {
            return Set.of();
        }
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(repository.branchCodesOfRegion(regionCode)));
    }

    @Override
    public Optional<BranchSummary> find(String branchCode) {
        return branchCode == null ? Optional.empty() : repository.findBranch(branchCode).map(Branch::summary);
    }

    @Override
    public List<BranchSummary> all() {
        return repository.allBranches().stream().map(Branch::summary).toList();
    }

    @Override
    public List<BranchSummary> ofRegion(String regionCode) {
        return repository.allBranches().stream().filter(b -> b.regionCode().equals(regionCode))
                .map(Branch::summary).toList();
    }

    @Override
    public BusinessCalendar calendarOf(String branchCode) {
        Branch branch = repository.findBranch(branchCode).orElseThrow(() -> new NotFoundException("branch", branchCode));
        Region region = repository.findRegion(branch.regionCode())
                .orElseThrow(() -> new NotFoundException("region", branch.regionCode()));
        return calendars.get(region.calendarCode());
    }

    @Override
    public OpeningHours openingHours(String branchCode, LocalDate date) {
        BusinessCalendar calendar = calendarOf(branchCode);
        return EffectiveHours.on(repository.week(branchCode), calendar, date);
    }

    @Override
    public Optional<BranchLocation> location(String branchCode) {
        return branchCode == null ? Optional.empty() : repository.findBranch(branchCode)
                .filter(b -> b.latitude() != null && b.longitude() != null)
                .map(b -> new BranchLocation(b.latitude().doubleValue(), b.longitude().doubleValue()));
    }

    @Override
    public java.util.List<org.fuwu.organization.ZoneSummary> zones(String branchCode) {
        return branchCode == null ? java.util.List.of() : repository.zones(branchCode).stream().filter(Zone::active)
                .map(z -> new org.fuwu.organization.ZoneSummary(z.code(), z.nameZh(), z.nameEn(), z.kind().name()))
                .toList();
    }
}
