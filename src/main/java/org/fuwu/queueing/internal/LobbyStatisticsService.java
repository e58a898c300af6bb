package org.fuwu.queueing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fuwu.organization.BranchSummary;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.web.Csv;
import org.fuwu.queueing.internal.LobbyStatistics.Dimension;
import org.fuwu.queueing.internal.LobbyStatistics.Granularity;
import org.fuwu.queueing.internal.LobbyStatistics.Row;
import org.fuwu.queueing.internal.LobbyStatistics.TicketFacts;
import org.springframework.stereotype.Service;

/**
 * A branch's lobby statistics and the accuracy of its wait estimates, for the staff of that branch:
 * parameters checked (dates as {@code YYYY-MM-DD}, from not after to, at most {@link #MAX_DAYS} days,
 * a known granularity and breakdown; each refused with 422 naming the field), the tickets of the range
 * read once and computed by {@link LobbyStatistics}. Days are the branch's, in its time zone. A CSV
 * export is audited, as every export of bank data is.
 */
@Service
public class LobbyStatisticsService {

    /** The longest range asked for at once, in days. */
    public static final int MAX_DAYS = 92;

    /** A checked request: a branch, a range of its days, a granularity and a breakdown. */
    public record Query(BranchSummary branch, LocalDate from, LocalDate to, Granularity granularity, Dimension by) {
    }

    /** The statistics of a query: per period and key, and per key over the whole range. */
    public record Report(String branchCode, String timeZone, LocalDate from, LocalDate to, Granularity granularity,
                         Dimension by, List<Row> rows, List<Row> totals) {
    }

    /**
     * The accuracy of the wait estimates of one day (or, with a null day, of the whole range).
     *
     * @param calledTickets the called tickets compared
     * @param meanAbsoluteErrorSeconds the mean absolute error of the P50 given at issue
     * @param underPredictionRate the share of waits longer than the P90 given at issue
     * @param overP50Rate the share of waits longer than the P50 given at issue
     */
    public record AccuracyDay(LocalDate day, long calledTickets, Long meanAbsoluteErrorSeconds,
                              Double underPredictionRate, Double overP50Rate) {

        static AccuracyDay of(Row r) {
            return new AccuracyDay(r.day(), r.accuracyCount(), r.meanAbsoluteErrorSeconds(), r.underPredictionRate(),
                    r.overP50Rate());
        }
    }

    /** The accuracy of a branch's wait estimates per day of a range, and over the range. */
    public record AccuracyReport(String branchCode, LocalDate from, LocalDate to, List<AccuracyDay> days,
                                 AccuracyDay total) {
    }

    private final LobbyConfigService config;
    private final QueueingStore store;
    private final StatisticsStore statistics;
    private final AuditLog audit;
    private final Clock clock;

    LobbyStatisticsService(LobbyConfigService config, QueueingStore store, StatisticsStore statistics, AuditLog audit,
                           Clock clock) {
        this.config = config;
        this.store = store;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks a request: the branch must exist (404) and be in the caller's scope (403), then the
     * parameters (422 naming each bad field). Missing dates default to the branch's today; granularity
     * defaults to DAY and the breakdown to SERVICE.
     */
    public Query query(String branchCode, String from, String to, String granularity, String by) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = config.businessDay(branch);
        LocalDate f = date("from", from, today, errors);
        LocalDate t = date("to", to, today, errors);
        Granularity g = choice("granularity", granularity, Granularity.class, Granularity.DAY, errors);
        Dimension d = choice("by", by, Dimension.class, Dimension.SERVICE, errors);
        if (f != null && t != null) {
            if (f.isAfter(t)) {
                errors.add(new FieldError("from", "queueing.validation.dateOrder"));
            } else if (LobbyStatistics.days(f, t) > MAX_DAYS) {
                errors.add(new FieldError("to", "queueing.validation.dateRange", MAX_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new Query(branch, f, t, g, d);
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "queueing.validation.date"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, E fallback,
                                                List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "queueing.validation.choice", String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /** The statistics of a checked query. */
    public Report report(Query q) {
        List<TicketFacts> tickets = tickets(q);
        Map<String, Integer> targets = targets(q.branch().code());
        return new Report(q.branch().code(), q.branch().timeZone().getId(), q.from(), q.to(), q.granularity(), q.by(),
                LobbyStatistics.compute(tickets, q.granularity(), q.by(), q.branch().timeZone(), targets),
                LobbyStatistics.compute(tickets, null, q.by(), q.branch().timeZone(), targets));
    }

    /** The accuracy of the wait estimates of a branch per day of a checked query's range. */
    public AccuracyReport accuracy(Query q) {
        List<TicketFacts> tickets = tickets(q);
        Map<String, Integer> targets = targets(q.branch().code());
        List<AccuracyDay> days = LobbyStatistics.compute(tickets, Granularity.DAY, Dimension.BRANCH,
                q.branch().timeZone(), targets).stream().map(AccuracyDay::of).toList();
        AccuracyDay total = LobbyStatistics.compute(tickets, null, Dimension.BRANCH, q.branch().timeZone(), targets)
                .stream().findFirst().map(AccuracyDay::of).orElse(new AccuracyDay(null, 0, null, null, null));
        return new AccuracyReport(q.branch().code(), q.from(), q.to(), days, total);
    }

    /** The CSV header of an export. */
    public static final String CSV_HEADER = "branch,day,hour,dimension,key,arrivals,called,wait_mean_s,wait_median_s,"
            + "wait_p90_s,served,service_mean_s,service_median_s,within_target_rate,no_shows,no_show_rate,"
            + "cancellations,accuracy_count,mae_s,under_prediction_rate,over_p50_rate";

    /** The statistics of a checked query as CSV, one line per period and key; the export is audited. */
    public String csv(Query q) {
        Report r = report(q);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Row row : r.rows()) {
            List<Object> cells = List.of(r.branchCode(), row.day(), row.hour() == null ? "" : row.hour(), q.by().name(),
                    row.key(), row.arrivals(), row.called(), opt(row.waitMeanSeconds()), opt(row.waitMedianSeconds()),
                    opt(row.waitP90Seconds()), row.served(), opt(row.serviceMeanSeconds()),
                    opt(row.serviceMedianSeconds()), rate(row.withinTargetRate()), row.noShows(), rate(row.noShowRate()),
                    row.cancellations(), row.accuracyCount(), opt(row.meanAbsoluteErrorSeconds()),
                    rate(row.underPredictionRate()), rate(row.overP50Rate()));
            csv.append(String.join(",", cells.stream().map(Csv::cell).toList())).append('\n');
        }
        audit.success("queueing.statistics.export", "branch:" + r.branchCode(), Map.of("from", q.from().toString(),
                "to", q.to().toString(), "granularity", q.granularity().name(), "by", q.by().name(),
                "rows", String.valueOf(r.rows().size())));
        return csv.toString();
    }

    private static Object opt(Object value) {
        return value == null ? "" : value;
    }

    private static Object rate(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private List<TicketFacts> tickets(Query q) {
        Instant from = q.from().atStartOfDay(q.branch().timeZone()).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(q.branch().timeZone()).toInstant();
        return statistics.issuedBetween(q.branch().code(), from, to);
    }

    private Map<String, Integer> targets(String branchCode) {
        Map<String, Integer> targets = new HashMap<>();
        for (ServiceType s : store.services(branchCode)) {
            targets.put(s.code(), s.targetWaitSeconds());
        }
        return targets;
    }

    /** The branch's today, for forms. */
    public LocalDate today(BranchSummary branch) {
        return LocalDate.now(clock.withZone(branch.timeZone()));
    }
}
