package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The officers' lists: the case list by filter (status, type, mine, breaching soon), the built-in and each user's own
 * named filters, the complaint officer's dashboard (due today, breached, awaiting approval), and the other cases of a
 * case's customer. "Breaching soon": a running clock with at most {@code fuwu.cases.breaching-soon} (24 hours) left.
 */
@Service
public class CaseLists {

    static final Set<String> STATUSES = Set.of("OPEN", "ACKNOWLEDGED", "DECIDED", "CLOSED");
    static final int MAX_FILTERS = 20;
    static final int LIMIT = 500;

    /** A list's criteria; null or false: any. */
    public record Filter(String status, String type, boolean mine, boolean breaching) {
    }

    /** A built-in filter: a key for its label, and its criteria. */
    public record Preset(String key, Filter filter) {
    }

    public static final List<Preset> PRESETS = List.of(
            new Preset("mine", new Filter(null, null, true, false)),
            new Preset("breaching", new Filter(null, null, false, true)),
            new Preset("complaints", new Filter(null, "COMPLAINT", false, false)),
            new Preset("regulator", new Filter(null, "REGULATOR_COMPLAINT", false, false)),
            new Preset("requests", new Filter(null, "SERVICE_REQUEST", false, false)),
            new Preset("open", new Filter("OPEN", null, false, false)),
            new Preset("decided", new Filter("DECIDED", null, false, false)));

    public record Dashboard(List<CaseService.View> dueToday, List<CaseService.View> breached, List<CaseService.View> awaitingApproval) {
    }

    private final CaseService cases;
    private final InsightStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration soon;

    CaseLists(CaseService cases, InsightStore store, AuditLog audit, Clock clock, @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone,
              @Value("${fuwu.cases.breaching-soon:PT24H}") Duration soon) {
        this.cases = cases;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.soon = soon;
    }

    /** Checks and normalises criteria: 422 names {@code status} or {@code type}. */
    public static Filter normalise(String status, String type, boolean mine, boolean breaching) {
        String st = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (st != null && !STATUSES.contains(st)) {
            throw FieldValidationException.of("status", "cases.validation.status");
        }
        String ty = type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT);
        if (ty != null && !IntakeRequirements.TYPES.contains(ty)) {
            throw FieldValidationException.of("type", "cases.validation.type");
        }
        return new Filter(st, ty, mine, breaching);
    }

    boolean breachingSoon(CaseService.View v) {
        return !v.status().equals("CLOSED") && v.clocks().stream()
                .anyMatch(c -> c.state().equals("RUNNING") && c.secondsLeft() > 0 && c.secondsLeft() <= soon.toSeconds());
    }

    public List<CaseService.View> list(Filter f) {
        Long officer = f.mine() ? CurrentStaff.get().accountId() : null;
        String status = f.breaching() && f.status() == null ? null : f.status();
        var ids = f.breaching() && status == null ? store.unclosed(LIMIT).stream()
                .filter(id -> f.type() == null || cases.get(id).type().equals(f.type()))
                .filter(id -> officer == null || officer.equals(cases.get(id).officerId())).toList()
                : store.filtered(status, f.type(), officer, LIMIT);
        return ids.stream().map(cases::view).filter(v -> !f.breaching() || breachingSoon(v)).toList();
    }

    public Dashboard dashboard() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<CaseService.View> open = store.unclosed(LIMIT).stream().map(cases::view).toList();
        var dueToday = open.stream().filter(v -> v.clocks().stream().anyMatch(c -> !c.state().equals("MET")
                && !c.state().equals("BREACHED") && c.dueAt().atZone(zone).toLocalDate().equals(today))).toList();
        var breached = open.stream().filter(v -> v.clocks().stream().anyMatch(c -> c.state().equals("BREACHED"))).toList();
        var approval = store.awaitingApproval(LIMIT).stream().map(cases::view).toList();
        return new Dashboard(dueToday, breached, approval);
    }

    /** The other cases of this case's customer (by customer file, or by the contact mobile of a web-form case). */
    public List<InsightStore.Related> related(long caseId) {
        CaseRecord r = cases.get(caseId);
        InsightStore.Details d = store.details(caseId).orElseThrow();
        return store.related(caseId, r.customerId(), d.contactMobileIdx());
    }

    private static String me() {
        return CurrentStaff.get().username();
    }

    public List<InsightStore.SavedFilter> filters() {
        return store.filters(me());
    }

    /** Saves the current user's named filter; 422 names {@code name} (blank, too long, taken, or too many). */
    public InsightStore.SavedFilter save(String name, Filter f) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 60 || n.chars().anyMatch(Character::isISOControl)) {
            throw FieldValidationException.of("name", "cases.validation.filterName");
        }
        Filter ok = normalise(f.status(), f.type(), f.mine(), f.breaching());
        if (store.filterNameTaken(me(), n)) {
            throw FieldValidationException.of("name", "cases.validation.filterNameTaken");
        }
        if (store.filters(me()).size() >= MAX_FILTERS) {
            throw FieldValidationException.of("name", "cases.validation.tooManyFilters", MAX_FILTERS);
        }
        long id = store.saveFilter(me(), n, ok.status(), ok.type(), ok.mine(), ok.breaching(), clock.instant());
        audit.success("cases.filter.save", "caseFilter:" + id, Map.of());
        return new InsightStore.SavedFilter(id, n, ok.status(), ok.type(), ok.mine(), ok.breaching());
    }

    public void delete(long id) {
        if (!store.deleteFilter(me(), id)) {
            throw new NotFoundException("filter", id);
        }
        audit.success("cases.filter.delete", "caseFilter:" + id, Map.of());
    }

    public InsightStore.SavedFilter filter(long id) {
        return store.filters(me()).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("filter", id));
    }

    static String actor() {
        return CurrentStaff.find().map(StaffPrincipal::auditName).orElse("system");
    }
}
