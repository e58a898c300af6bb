package org.fuwu.platform.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The audit viewer (page) and the audit API: records with filters, and the chain verification. */
@Controller
@Tag(name = "Audit", description = "The tamper-evident audit log")
class AuditController {

    private final AuditQuery query;
    private final AuditVerifier verifier;

    AuditController(AuditQuery query, AuditVerifier verifier) {
        this.query = query;
        this.verifier = verifier;
    }

    /** One record as the API shows it. */
    record AuditRecordView(long seq, String occurredAt, String actor, String origin, String action, String target,
                           String outcome, String details, String hash) {
        static AuditRecordView of(AuditRow r) {
            return new AuditRecordView(r.seq(), r.occurredAt().atOffset(ZoneOffset.UTC).toString(), r.actor(), r.origin(),
                    r.action(), r.target(), r.outcome(), r.details(), r.hash());
        }
    }

    record AuditPageView(List<AuditRecordView> items, int page, int size, long total) {
    }

    @GetMapping("/api/v1/audit/records")
    @ResponseBody
    @Operation(summary = "Audit records, newest first, with optional filters")
    AuditPageView records(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                          @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        AuditQuery.Page p = query.find(new AuditQuery.Filter(actor, action, outcome, target, from, to), page, size);
        return new AuditPageView(p.items().stream().map(AuditRecordView::of).toList(), p.page(), p.size(), p.total());
    }

    @GetMapping("/api/v1/audit/verify")
    @ResponseBody
    @Operation(summary = "Verify the hash chain: valid with the row count, or the first broken record")
    Map<String, Object> verify() {
        AuditVerifier.Verdict v = verifier.verify();
        if (v.valid()) {
            return Map.of("valid", true, "rows", v.rows());
        }
        return Map.of("valid", false, "rows", v.rows(), "firstBrokenSeq", v.firstBrokenSeq(), "reason", v.reason());
    }

    @GetMapping("/audit")
    String viewer(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "false") boolean verify, Model model) {
        AuditQuery.Filter filter = new AuditQuery.Filter(actor, action, outcome, target, from, to);
        AuditQuery.Page p = query.find(filter, page, 50);
        model.addAttribute("filter", filter);
        model.addAttribute("records", p.items().stream().map(AuditRecordView::of).toList());
        model.addAttribute("page", p.page());
        model.addAttribute("pages", p.pages());
        model.addAttribute("total", p.total());
        if (verify) {
            model.addAttribute("verdict", verifier.verify());
        }
        return "platform/audit";
    }
}
