package org.fuwu.queueing.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.queueing.internal.LobbyConfigService;
import org.fuwu.queueing.internal.LobbyStatistics.Dimension;
import org.fuwu.queueing.internal.LobbyStatistics.Granularity;
import org.fuwu.queueing.internal.LobbyStatisticsService;
import org.fuwu.queueing.internal.LobbyStatisticsService.Query;
import org.fuwu.queueing.internal.ServiceType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The lobby statistics page: the branches in the caller's scope, and for one branch a table per period
 * and key with totals, the accuracy of the wait estimates, and a CSV download of the same figures.
 * Tellers appear by username only; no customer data is shown.
 */
@Controller
class StatisticsPageController {

    private final LobbyStatisticsService statistics;
    private final LobbyConfigService config;
    private final Branches branches;
    private final MessageSource messages;

    StatisticsPageController(LobbyStatisticsService statistics, LobbyConfigService config, Branches branches,
                             MessageSource messages) {
        this.statistics = statistics;
        this.config = config;
        this.branches = branches;
        this.messages = messages;
    }

    @GetMapping("/queueing/statistics")
    String choose(Model model) {
        List<BranchSummary> inScope = branches.all().stream()
                .filter(b -> CurrentStaff.scope().coversBranch(b.code())).toList();
        if (inScope.size() == 1) {
            return "redirect:/queueing/branches/" + inScope.get(0).code() + "/statistics";
        }
        model.addAttribute("branches", inScope);
        return "queueing/statistics-branches";
    }

    @GetMapping("/queueing/branches/{branchCode}/statistics")
    String page(@PathVariable String branchCode, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
                @RequestParam(required = false) String by, Model model, Locale locale) {
        BranchSummary branch = config.branch(branchCode);
        CurrentStaff.requireBranch(branchCode);
        model.addAttribute("branch", branch);
        model.addAttribute("fmt", new StatisticsFormat());
        model.addAttribute("granularities", Granularity.values());
        model.addAttribute("dimensions", Dimension.values());
        Map<String, String> serviceNames = new LinkedHashMap<>();
        for (LobbyConfigService.ServiceView v : config.servicesForStaff(branchCode)) {
            ServiceType s = v.service();
            serviceNames.put(s.code(), s.name(locale));
        }
        model.addAttribute("serviceNames", serviceNames);
        try {
            Query q = statistics.query(branchCode, from, to, granularity, by);
            model.addAttribute("from", q.from().toString());
            model.addAttribute("to", q.to().toString());
            model.addAttribute("granularity", q.granularity().name());
            model.addAttribute("by", q.by().name());
            model.addAttribute("report", statistics.report(q));
            model.addAttribute("accuracy", statistics.accuracy(q));
            model.addAttribute("csvUrl", UriComponentsBuilder.fromPath("/api/v1/branches/{b}/statistics.csv")
                    .queryParam("from", q.from()).queryParam("to", q.to())
                    .queryParam("granularity", q.granularity().name()).queryParam("by", q.by().name())
                    .buildAndExpand(branch.code()).toUriString());
            model.addAttribute("errors", Map.of());
        } catch (FieldValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), messages.getMessage(f.messageKey(), f.args(), locale)));
            model.addAttribute("errors", errors);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("granularity", granularity == null ? Granularity.DAY.name() : granularity);
            model.addAttribute("by", by == null ? Dimension.SERVICE.name() : by);
        }
        return "queueing/statistics";
    }
}
