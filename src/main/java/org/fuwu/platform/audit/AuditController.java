package org.fuwu.platform.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.web.Csv;
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
    private final AuditLog audit;

    AuditController(AuditQuery query, AuditVerifier verifier, AuditLog audit) {
        this.query = query;
        this.verifier = verifier;
        this.audit = audit;
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

    /** The filtered records as CSV (at most 100,000, newest first); the export itself is audited. */
    @GetMapping(value = "/api/v1/audit/records.csv", produces = "text/csv")
    @Operation(summary = "Export audit records as CSV, with the same filters")
    org.springframework.http.ResponseEntity<String> export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                          @RequestParam(required = false) String outcome, @RequestParam(required = false) String target,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AuditQuery.Filter filter = new AuditQuery.Filter(actor, action, outcome, target, from, to);
        AuditQuery.Page p = query.find(filter, 0, 100_000);
        StringBuilder csv = new StringBuilder("seq,occurred_at,actor,origin,action,target,outcome,details,hash\n");
        for (AuditRow r : p.items()) {
            AuditRecordView v = AuditRecordView.of(r);
            csv.append(v.seq()).append(',').append(Csv.cell(v.occurredAt())).append(',').append(Csv.cell(v.actor())).append(',')
                    .append(Csv.cell(v.origin())).append(',').append(Csv.cell(v.action())).append(',').append(Csv.cell(v.target()))
                    .append(',').append(Csv.cell(v.outcome())).append(',').append(Csv.cell(v.details())).append(',')
                    .append(v.hash()).append('\n');
        }
        audit.success("audit.export", "audit_record", Map.of("rows", Long.toString(p.items().size()), "filter", filter.toString()));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"fuwu-audit.csv\"")
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
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
