package org.fuwu.organization.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.BusinessCalendars;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.Scope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's use cases. Reads are scoped: a caller sees the branches of its scope (and
 * their regions) and gets 403 for any other. Changes check their input, keep codes unique, lock
 * optimistically by version and are audited. Who may change what is the access policy's business;
 * this service checks only scope.
 */
@Service
public class OrganizationService {

    private final OrganizationRepository repository;
    private final BusinessCalendars calendars;
    private final AuditLog audit;

    public OrganizationService(OrganizationRepository repository, BusinessCalendars calendars, AuditLog audit) {
        this.repository = repository;
        this.calendars = calendars;
        this.audit = audit;
    }

    // ---- regions

    public Paging.Page<Region> regions(Paging paging) {
        String order = paging.orderBy(OrganizationRepository.REGION_SORT);
        Set<String> visible = visibleRegions();
        return new Paging.Page<>(repository.regions(visible, order, paging.offset(), paging.size()), paging.page(),
                paging.size(), repository.countRegions(visible));
    }

    /** Every region the caller may see, for choosers; ordered by code. */
    public List<Region> allRegions() {
        return repository.regions(visibleRegions(), "code", 0, Integer.MAX_VALUE);
    }

    public Region region(String code) {
        requireRegion(code);
        return repository.findRegion(code).orElseThrow(() -> new NotFoundException("region", code));
    }

    @Transactional
    public Region createRegion(RegionInput input) {
        requireBankWide();
        List<FieldError> errors = new ArrayList<>();
        OrganizationRules.code("code", input.code(), errors);
        checkCalendar(input.calendarCode(), errors);
        OrganizationRules.throwIfAny(errors);
        if (repository.findRegion(input.code()).isPresent()) {
            throw new ConflictException("organization.conflict.regionExists", input.code());
        }
        repository.insertRegion(new Region(input.code(), input.nameZh().trim(), input.nameEn().trim(),
                input.calendarCode(), 0));
        audit.success("organization.region.create", "region:" + input.code());
        return repository.findRegion(input.code()).orElseThrow();
    }

    @Transactional
    public Region updateRegion(String code, RegionInput input) {
        requireBankWide();
        Region current = repository.findRegion(code).orElseThrow(() -> new NotFoundException("region", code));
        List<FieldError> errors = new ArrayList<>();
        checkCalendar(input.calendarCode(), errors);
        OrganizationRules.throwIfAny(errors);
        repository.updateRegion(new Region(code, input.nameZh().trim(), input.nameEn().trim(), input.calendarCode(),
                version(input.version(), current.version())));
        audit.success("organization.region.update", "region:" + code);
        return repository.findRegion(code).orElseThrow();
    }

    // ---- branches

    public Paging.Page<Branch> branches(String regionCode, Paging paging) {
        String order = paging.orderBy(OrganizationRepository.BRANCH_SORT);
        Set<String> visible = visibleBranches();
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode;
        return new Paging.Page<>(repository.branches(visible, region, order, paging.offset(), paging.size()),
                paging.page(), paging.size(), repository.countBranches(visible, region));
    }

    public Branch branch(String code) {
        CurrentStaff.requireBranch(code);
        return repository.findBranch(code).orElseThrow(() -> new NotFoundException("branch", code));
    }

    @Transactional
    public Branch createBranch(BranchInput input) {
        requireBankWide();
        List<FieldError> errors = new ArrayList<>();
        OrganizationRules.code("code", input.code(), errors);
        checkBranch(input, errors);
        OrganizationRules.throwIfAny(errors);
        if (repository.findBranch(input.code()).isPresent()) {
            throw new ConflictException("organization.conflict.branchExists", input.code());
        }
        repository.insertBranch(toBranch(input.code(), input, 0));
        audit.success("organization.branch.create", "branch:" + input.code(), Map.of("region", input.regionCode()));
        return repository.findBranch(input.code()).orElseThrow();
    }

    @Transactional
    public Branch updateBranch(String code, BranchInput input) {
        Branch current = branch(code);
        List<FieldError> errors = new ArrayList<>();
        checkBranch(input, errors);
        OrganizationRules.throwIfAny(errors);
        if (!current.regionCode().equals(input.regionCode())) {
            requireBankWide();
        }
        Branch next = toBranch(code, input, version(input.version(), current.version()));
        repository.updateBranch(next);
        audit.success("organization.branch.update", "branch:" + code,
                Map.of("region", next.regionCode(), "active", String.valueOf(next.active())));
        return repository.findBranch(code).orElseThrow();
    }

    // ---- zones

    public List<Zone> zones(String branchCode) {
        branch(branchCode);
        return repository.zones(branchCode);
    }

    public Zone zone(String branchCode, String code) {
        branch(branchCode);
        return repository.findZone(branchCode, code).orElseThrow(() -> new NotFoundException("zone", branchCode + "/" + code));
    }

    @Transactional
    public Zone createZone(String branchCode, ZoneInput input) {
        branch(branchCode);
        List<FieldError> errors = new ArrayList<>();
        OrganizationRules.code("code", input.code(), errors);
        ZoneKind kind = OrganizationRules.kind(ZoneKind.class, "kind", input.kind(), errors);
        OrganizationRules.throwIfAny(errors);
        if (repository.findZone(branchCode, input.code()).isPresent()) {
            throw new ConflictException("organization.conflict.zoneExists", input.code(), branchCode);
        }
        repository.insertZone(new Zone(branchCode, input.code(), input.nameZh().trim(), input.nameEn().trim(), kind,
                input.active() == null || input.active(), 0));
        audit.success("organization.zone.create", "zone:" + branchCode + "/" + input.code(), Map.of("kind", kind.name()));
        return repository.findZone(branchCode, input.code()).orElseThrow();
    }

    @Transactional
    public Zone updateZone(String branchCode, String code, ZoneInput input) {
        Zone current = zone(branchCode, code);
        List<FieldError> errors = new ArrayList<>();
        ZoneKind kind = OrganizationRules.kind(ZoneKind.class, "kind", input.kind(), errors);
        OrganizationRules.throwIfAny(errors);
        boolean active = input.active() == null ? current.active() : input.active();
        if (!active && repository.counters(branchCode).stream().anyMatch(c -> c.active() && c.zoneCode().equals(code))) {
            throw new ConflictException("organization.conflict.zoneHasCounters", code);
        }
        repository.updateZone(new Zone(branchCode, code, input.nameZh().trim(), input.nameEn().trim(), kind, active,
                version(input.version(), current.version())));
        audit.success("organization.zone.update", "zone:" + branchCode + "/" + code,
                Map.of("kind", kind.name(), "active", String.valueOf(active)));
        return repository.findZone(branchCode, code).orElseThrow();
    }

    // ---- counters

    public List<Counter> counters(String branchCode) {
        branch(branchCode);
        return repository.counters(branchCode);
    }

    public Counter counter(String branchCode, String code) {
        branch(branchCode);
        return repository.findCounter(branchCode, code)
                .orElseThrow(() -> new NotFoundException("counter", branchCode + "/" + code));
    }

    @Transactional
    public Counter createCounter(String branchCode, CounterInput input) {
        branch(branchCode);
        List<FieldError> errors = new ArrayList<>();
        OrganizationRules.code("code", input.code(), errors);
        CounterKind kind = checkCounter(branchCode, input, errors);
        OrganizationRules.throwIfAny(errors);
        if (repository.findCounter(branchCode, input.code()).isPresent()) {
            throw new ConflictException("organization.conflict.counterExists", input.code(), branchCode);
        }
        boolean active = input.active() == null || input.active();
        checkNumberFree(branchCode, input.code(), input.number().trim(), active);
        repository.insertCounter(new Counter(branchCode, input.code(), input.number().trim(), input.zoneCode(), kind,
                active, 0));
        audit.success("organization.counter.create", "counter:" + branchCode + "/" + input.code(),
                Map.of("zone", input.zoneCode(), "kind", kind.name()));
        return repository.findCounter(branchCode, input.code()).orElseThrow();
    }

    @Transactional
    public Counter updateCounter(String branchCode, String code, CounterInput input) {
        Counter current = counter(branchCode, code);
        List<FieldError> errors = new ArrayList<>();
        CounterKind kind = checkCounter(branchCode, input, errors);
        OrganizationRules.throwIfAny(errors);
        boolean active = input.active() == null ? current.active() : input.active();
        checkNumberFree(branchCode, code, input.number().trim(), active);
        repository.updateCounter(new Counter(branchCode, code, input.number().trim(), input.zoneCode(), kind, active,
                version(input.version(), current.version())));
        audit.success("organization.counter.update", "counter:" + branchCode + "/" + code,
                Map.of("zone", input.zoneCode(), "kind", kind.name(), "active", String.valueOf(active)));
        return repository.findCounter(branchCode, code).orElseThrow();
    }

    // ---- opening hours

    public List<DayHours> week(String branchCode) {
        branch(branchCode);
        return repository.week(branchCode);
    }

    @Transactional
    public List<DayHours> setWeek(String branchCode, HoursInput input) {
        branch(branchCode);
        List<FieldError> errors = new ArrayList<>();
        List<DayHours> week = OrganizationRules.week(input, errors);
        OrganizationRules.throwIfAny(errors);
        repository.replaceWeek(branchCode, week);
        audit.success("organization.hours.update", "branch:" + branchCode,
                Map.of("openDays", String.valueOf(week.stream().filter(d -> !d.closed()).count())));
        return repository.week(branchCode);
    }

    // ---- rules that need the database

    private void checkCalendar(String calendarCode, List<FieldError> errors) {
        if (calendarCode != null && !calendarCode.isBlank() && !calendars.exists(calendarCode)) {
            errors.add(new FieldError("calendarCode", "organization.validation.calendarUnknown", calendarCode));
        }
    }

    private void checkBranch(BranchInput input, List<FieldError> errors) {
        if (input.regionCode() != null && !input.regionCode().isBlank()
                && repository.findRegion(input.regionCode()).isEmpty()) {
            errors.add(new FieldError("regionCode", "organization.validation.regionUnknown", input.regionCode()));
        }
        OrganizationRules.coordinates(input.latitude(), input.longitude(), errors);
        OrganizationRules.timeZone(blankToNull(input.timeZone()), errors);
        OrganizationRules.phone(input.phone(), errors);
    }

    private CounterKind checkCounter(String branchCode, CounterInput input, List<FieldError> errors) {
        CounterKind kind = OrganizationRules.kind(CounterKind.class, "kind", input.kind(), errors);
        OrganizationRules.counterNumber(input.number(), errors);
        if (input.zoneCode() != null && !input.zoneCode().isBlank()
                && repository.findZone(branchCode, input.zoneCode()).filter(Zone::active).isEmpty()) {
            errors.add(new FieldError("zoneCode", "organization.validation.zoneUnknown", input.zoneCode()));
        }
        return kind;
    }

    /** Two active counters of a branch never show the same number to customers. */
    private void checkNumberFree(String branchCode, String counterCode, String number, boolean active) {
        if (active && repository.counters(branchCode).stream()
                .anyMatch(c -> c.active() && !c.code().equals(counterCode) && c.number().equals(number))) {
            throw new ConflictException("organization.conflict.counterNumberTaken", number, branchCode);
        }
    }

    private static Branch toBranch(String code, BranchInput in, long version) {
        String tz = blankToNull(in.timeZone());
        return new Branch(code, in.nameZh().trim(), in.nameEn().trim(), in.regionCode(), blankToNull(in.addressZh()),
                blankToNull(in.addressEn()), in.latitude(), in.longitude(), blankToNull(in.phone()),
                tz == null ? "Asia/Shanghai" : tz, in.active() == null || in.active(), version);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The version a change is based on: the caller's when it sent one, else the current one. */
    private static long version(Long sent, long current) {
        return sent == null ? current : sent;
    }

    // ---- scope

    /** The branch codes the caller may see; null for the whole bank. */
    private static Set<String> visibleBranches() {
        Scope scope = CurrentStaff.scope();
        return scope.isBankWide() ? null : scope.branchCodes();
    }

    /** The region codes the caller may see: the regions of its branches, and its own region; null for all. */
    private Set<String> visibleRegions() {
        Scope scope = CurrentStaff.scope();
        if (scope.isBankWide()) {
            return null;
        }
        Set<String> regions = new LinkedHashSet<>(repository.regionCodesOfBranches(scope.branchCodes()));
        if (scope.level() == Scope.Level.REGION) {
            regions.add(scope.code());
        }
        return regions;
    }

    private void requireRegion(String code) {
        Set<String> visible = visibleRegions();
        if (visible != null && !visible.contains(code)) {
            throw new AccessDeniedException("region " + code + " is outside the caller's scope");
        }
    }

    private static void requireBankWide() {
        if (!CurrentStaff.scope().isBankWide()) {
            throw new AccessDeniedException("only a bank-wide scope may change the regions and branches of the bank");
        }
    }
}
