package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's lobby configuration: its service types and the counter service matrix. Staff reads and
 * administrators' changes are scoped to the caller's branches; every change is audited.
 */
@Service
public class LobbyConfigService {

    /** A service type as the lobby shows it now: waiting count and estimated wait of a newcomer. */
    public record ServiceView(ServiceType service, int waiting, int counters, WaitEstimate estimatedWait) {
    }

    private final QueueingStore store;
    private final Branches branches;
    private final AuditLog audit;
    private final Clock clock;
    private final LobbyWaitEstimator estimator;

    LobbyConfigService(QueueingStore store, Branches branches, AuditLog audit, Clock clock, LobbyWaitEstimator estimator) {
        this.estimator = estimator;
        this.store = store;
        this.branches = branches;
        this.audit = audit;
        this.clock = clock;
    }

    /** The branch, if it exists; 404 otherwise. Not scoped: the kiosk and the status page are public. */
    public BranchSummary branch(String branchCode) {
        return branches.find(branchCode).orElseThrow(() -> new NotFoundException("branch", branchCode));
    }

    /** The branch's business day now, in its time zone. */
    public LocalDate businessDay(BranchSummary branch) {
        return LocalDate.now(clock.withZone(branch.timeZone()));
    }

    /** The service types of a branch with their live figures, for a staff member of that branch. */
    @Transactional(readOnly = true)
    public List<ServiceView> servicesForStaff(String branchCode) {
        BranchSummary branch = branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        return views(branch, false);
    }

    /** The active service types of a branch with their live figures, for the public kiosk. */
    @Transactional(readOnly = true)
    public List<ServiceView> activeServices(String branchCode) {
        return views(branch(branchCode), true);
    }

    private List<ServiceView> views(BranchSummary branch, boolean activeOnly) {
        Map<String, Integer> waiting = store.waitingPerService(branch.code(), businessDay(branch));
        Map<String, Integer> counters = store.countersPerService(branch.code());
        LobbyWaitEstimator.Lobby lobby = estimator.lobby(branch);
        List<ServiceView> views = new ArrayList<>();
        for (ServiceType s : store.services(branch.code())) {
            if (activeOnly && !s.active()) {
                continue;
            }
            int w = waiting.getOrDefault(s.code(), 0);
            int c = counters.getOrDefault(s.code(), 0);
            views.add(new ServiceView(s, w, c, lobby.estimate(s, w)));
        }
        return views;
    }

    @Transactional(readOnly = true)
    public ServiceType service(String branchCode, String code) {
        branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        return store.service(branchCode, code).orElseThrow(() -> new NotFoundException("serviceType", branchCode + "/" + code));
    }

    @Transactional
    public ServiceType createService(String branchCode, ServiceTypeInput in) {
        branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        if (in.code() == null || in.code().isBlank()) {
            throw FieldValidationException.of("code", "queueing.validation.code");
        }
        if (store.service(branchCode, in.code()).isPresent()) {
            throw new ConflictException("queueing.conflict.serviceCode", in.code());
        }
        checkPrefix(branchCode, in.prefix(), in.code());
        ServiceType s = toService(branchCode, in.code(), in, 0);
        store.insertService(s);
        audit.success("queueing.service.create", "service:" + branchCode + "/" + s.code());
        return store.service(branchCode, s.code()).orElseThrow();
    }

    @Transactional
    public ServiceType updateService(String branchCode, String code, ServiceTypeInput in) {
        ServiceType old = service(branchCode, code);
        checkPrefix(branchCode, in.prefix(), code);
        if (!store.updateService(toService(branchCode, code, in, old.version()))) {
            throw new ConflictException("problem.conflict.concurrent");
        }
        audit.success("queueing.service.update", "service:" + branchCode + "/" + code);
        return store.service(branchCode, code).orElseThrow();
    }

    private void checkPrefix(String branchCode, String prefix, String code) {
        if (store.prefixTaken(branchCode, prefix, code)) {
            throw FieldValidationException.of("prefix", "queueing.validation.prefixTaken", prefix);
        }
    }

    private static ServiceType toService(String branchCode, String code, ServiceTypeInput in, long version) {
        return new ServiceType(branchCode, code, in.nameZh().strip(), in.nameEn().strip(), in.zoneCode(), in.prefix(),
                in.targetWaitMinutes() * 60, in.expectedServiceMinutes() * 60, in.sortOrder() == null ? 0 : in.sortOrder(),
                in.active() == null || in.active(), version);
    }

    // ---- counter service matrix

    @Transactional(readOnly = true)
    public List<CounterService> matrix(String branchCode) {
        branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        return store.matrix(branchCode);
    }

    /**
     * Sets the service types a counter serves, in preference order (the first is preferred). The counter
     * is organization's, referenced by its code; an empty list takes the counter out of the lobby.
     */
    @Transactional
    public List<CounterService> replaceCounter(String branchCode, String counterCode, List<String> serviceCodes) {
        branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        if (counterCode == null || !counterCode.matches("[A-Z0-9]{2,10}")) {
            throw FieldValidationException.of("counterCode", "queueing.validation.counterCode");
        }
        Set<String> seen = new HashSet<>();
        List<CounterService> cells = new ArrayList<>();
        for (String s : serviceCodes) {
            if (s == null || store.service(branchCode, s).isEmpty()) {
                throw FieldValidationException.of("serviceCodes", "queueing.validation.unknownService", String.valueOf(s));
            }
            if (!seen.add(s)) {
                throw FieldValidationException.of("serviceCodes", "queueing.validation.duplicateService", s);
            }
            cells.add(new CounterService(counterCode, s, cells.size() + 1));
        }
        store.replaceCounter(branchCode, counterCode, cells);
        audit.success("queueing.matrix.update", "counter:" + branchCode + "/" + counterCode,
                Map.of("services", String.join(",", serviceCodes)));
        return cells;
    }
}
