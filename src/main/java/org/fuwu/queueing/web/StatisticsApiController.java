package org.fuwu.queueing.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.queueing.internal.LobbyStatisticsService;
import org.fuwu.queueing.internal.LobbyStatisticsService.AccuracyReport;
import org.fuwu.queueing.internal.LobbyStatisticsService.Query;
import org.fuwu.queueing.internal.LobbyStatisticsService.Report;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lobby's statistics API: hourly or daily figures per branch, service, counter or teller, as JSON
 * or CSV (the CSV export is audited), and the accuracy of the wait estimates per day. For the staff of
 * the branch in the roles of the access table (managers, supervisors, analysts, quality, risk,
 * auditors and administrators).
 */
@RestController
@RequestMapping("/api/v1/branches/{branchCode}")
@Tag(name = "Lobby statistics", description = "Branch lobby: statistics per hour or day and wait estimate accuracy")
class StatisticsApiController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final LobbyStatisticsService statistics;

    StatisticsApiController(LobbyStatisticsService statistics) {
        this.statistics = statistics;
    }

    @GetMapping(value = "/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lobby statistics per period and service, counter, teller or branch",
            description = "Arrivals, wait (mean, median, P90; issue to first call), service time (mean, median), "
                    + "share of waits within the service's target, no-show rate (of called tickets), cancellations "
                    + "and estimate accuracy (MAE from P50; under-prediction: wait longer than P90). Tickets count in "
                    + "the hour or day of their issue, in the branch's time zone. At most 92 days.")
    Report statistics(@PathVariable String branchCode,
                      @Parameter(description = "first day, YYYY-MM-DD (default today)") @RequestParam(required = false) String from,
                      @Parameter(description = "last day, YYYY-MM-DD (default today)") @RequestParam(required = false) String to,
                      @Parameter(description = "HOUR or DAY (default DAY)") @RequestParam(required = false) String granularity,
                      @Parameter(description = "SERVICE, COUNTER, TELLER or BRANCH (default SERVICE)")
                      @RequestParam(required = false) String by) {
        return statistics.report(statistics.query(branchCode, from, to, granularity, by));
    }

    @GetMapping(value = "/statistics", produces = "text/csv")
    @Operation(summary = "Lobby statistics as CSV (with Accept: text/csv); the export is audited")
    ResponseEntity<String> statisticsCsv(@PathVariable String branchCode, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String granularity,
                                         @RequestParam(required = false) String by) {
        return csv(branchCode, from, to, granularity, by);
    }

    @GetMapping(value = "/statistics.csv", produces = "text/csv")
    @Operation(summary = "Lobby statistics as a CSV download, with the same parameters; the export is audited")
    ResponseEntity<String> statisticsCsvFile(@PathVariable String branchCode, @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String granularity,
                                             @RequestParam(required = false) String by) {
        return csv(branchCode, from, to, granularity, by);
    }

    private ResponseEntity<String> csv(String branchCode, String from, String to, String granularity, String by) {
        Query q = statistics.query(branchCode, from, to, granularity, by);
        String body = statistics.csv(q);
        String name = "fuwu-lobby-%s-%s-%s-%s.csv".formatted(q.branch().code(), q.from(), q.to(),
                q.granularity().name().toLowerCase(java.util.Locale.ROOT));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .contentType(TEXT_CSV).body(body);
    }

    @GetMapping(value = "/estimate-accuracy", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accuracy of the wait estimates per day",
            description = "For every ticket called from the queue and issued in the range: the P50/P90 given at issue "
                    + "against the actual wait (issue to first call). MAE from P50; under-prediction rate = share of "
                    + "waits longer than the P90; over-P50 rate = share longer than the P50. At most 92 days.")
    AccuracyReport accuracy(@PathVariable String branchCode,
                            @Parameter(description = "first day, YYYY-MM-DD (default today)") @RequestParam(required = false) String from,
                            @Parameter(description = "last day, YYYY-MM-DD (default today)") @RequestParam(required = false) String to) {
        return statistics.accuracy(statistics.query(branchCode, from, to, null, null));
    }
}
