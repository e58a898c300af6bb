package org.fuwu.organization.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.fuwu.organization.internal.Branch;
import org.fuwu.organization.internal.BranchInput;
import org.fuwu.organization.internal.Counter;
import org.fuwu.organization.internal.CounterInput;
import org.fuwu.organization.internal.DayHours;
import org.fuwu.organization.internal.HoursInput;
import org.fuwu.organization.internal.OrganizationService;
import org.fuwu.organization.internal.Paging;
import org.fuwu.organization.internal.Region;
import org.fuwu.organization.internal.RegionInput;
import org.fuwu.organization.internal.Zone;
import org.fuwu.organization.internal.ZoneInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regions, branches, zones, counters and opening hours. Reads are open to all staff but scoped to
 * the caller's branches (403 outside); changes are for administrators (the access policy).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organization", description = "Regions, branches, zones, counters and opening hours")
class OrganizationApiController {

    /** A week of opening hours. */
    record WeekView(String branchCode, List<DayView> days) {
    }

    /** One weekday's hours; no times when closed. */
    record DayView(DayOfWeek weekday, boolean closed, LocalTime opens, LocalTime closes) {

        static DayView of(DayHours h) {
            return new DayView(h.weekday(), h.closed(), h.opens(), h.closes());
        }
    }

    /** A counter, with the services it serves and its state when the lobby knows them (null otherwise). */
    record CounterView(@com.fasterxml.jackson.annotation.JsonUnwrapped Counter counter, List<String> services,
                       String state, String teller) {
    }

    private final OrganizationService service;
    private final org.springframework.beans.factory.ObjectProvider<org.fuwu.organization.CounterLobbyInfo> lobby;

    OrganizationApiController(OrganizationService service,
                              org.springframework.beans.factory.ObjectProvider<org.fuwu.organization.CounterLobbyInfo> lobby) {
        this.service = service;
        this.lobby = lobby;
    }

    // ---- regions

    @GetMapping("/regions")
    Paging.Page<Region> regions(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                @RequestParam(required = false) String sort) {
        return service.regions(new Paging(page, size, sort));
    }

    @PostMapping("/regions")
    ResponseEntity<Region> createRegion(@Valid @RequestBody RegionInput input) {
        Region r = service.createRegion(input);
        return ResponseEntity.created(URI.create("/api/v1/regions/" + r.code())).body(r);
    }

    @GetMapping("/regions/{code}")
    Region region(@PathVariable String code) {
        return service.region(code);
    }

    @PutMapping("/regions/{code}")
    Region updateRegion(@PathVariable String code, @Valid @RequestBody RegionInput input) {
        return service.updateRegion(code, input);
    }

    // ---- branches

    @GetMapping("/branches")
    Paging.Page<Branch> branches(@RequestParam(required = false) String region,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(required = false) String sort) {
        return service.branches(region, new Paging(page, size, sort));
    }

    @PostMapping("/branches")
    ResponseEntity<Branch> createBranch(@Valid @RequestBody BranchInput input) {
        Branch b = service.createBranch(input);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + b.code())).body(b);
    }

    @GetMapping("/branches/{code}")
    Branch branch(@PathVariable String code) {
        return service.branch(code);
    }

    @PutMapping("/branches/{code}")
    Branch updateBranch(@PathVariable String code, @Valid @RequestBody BranchInput input) {
        return service.updateBranch(code, input);
    }

    // ---- zones

    @GetMapping("/branches/{code}/zones")
    Paging.Page<Zone> zones(@PathVariable String code) {
        return all(service.zones(code));
    }

    @PostMapping("/branches/{code}/zones")
    ResponseEntity<Zone> createZone(@PathVariable String code, @Valid @RequestBody ZoneInput input) {
        Zone z = service.createZone(code, input);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + code + "/zones/" + z.code())).body(z);
    }

    @GetMapping("/branches/{code}/zones/{zoneCode}")
    Zone zone(@PathVariable String code, @PathVariable String zoneCode) {
        return service.zone(code, zoneCode);
    }

    @PutMapping("/branches/{code}/zones/{zoneCode}")
    Zone updateZone(@PathVariable String code, @PathVariable String zoneCode, @Valid @RequestBody ZoneInput input) {
        return service.updateZone(code, zoneCode, input);
    }

    // ---- counters

    @GetMapping("/branches/{code}/counters")
    Paging.Page<CounterView> counters(@PathVariable String code) {
        List<Counter> counters = service.counters(code);
        var port = lobby.getIfAvailable();
        java.util.Map<String, org.fuwu.organization.CounterLobbyInfo.Info> info = port == null ? java.util.Map.of() : port.of(code);
        return all(counters.stream().map(c -> {
            var i = info.get(c.code());
            return i == null ? new CounterView(c, null, null, null) : new CounterView(c, i.services(), i.state(), i.teller());
        }).toList());
    }

    @PostMapping("/branches/{code}/counters")
    ResponseEntity<Counter> createCounter(@PathVariable String code, @Valid @RequestBody CounterInput input) {
        Counter c = service.createCounter(code, input);
        return ResponseEntity.created(URI.create("/api/v1/branches/" + code + "/counters/" + c.code())).body(c);
    }

    @GetMapping("/branches/{code}/counters/{counterCode}")
    Counter counter(@PathVariable String code, @PathVariable String counterCode) {
        return service.counter(code, counterCode);
    }

    @PutMapping("/branches/{code}/counters/{counterCode}")
    Counter updateCounter(@PathVariable String code, @PathVariable String counterCode,
                          @Valid @RequestBody CounterInput input) {
        return service.updateCounter(code, counterCode, input);
    }

    // ---- opening hours

    @GetMapping("/branches/{code}/opening-hours")
    WeekView hours(@PathVariable String code) {
        return new WeekView(code, service.week(code).stream().map(DayView::of).toList());
    }

    /** Replaces the week; a weekday not listed is closed. */
    @PutMapping("/branches/{code}/opening-hours")
    WeekView setHours(@PathVariable String code, @Valid @RequestBody HoursInput input) {
        return new WeekView(code, service.setWeek(code, input).stream().map(DayView::of).toList());
    }

    /** A branch's zones or counters are few: one page holds them all. */
    private static <T> Paging.Page<T> all(List<T> items) {
        return new Paging.Page<>(items, 0, items.size(), items.size());
    }
}
