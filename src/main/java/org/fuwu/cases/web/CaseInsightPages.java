package org.fuwu.cases.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.cases.CaseIntake;
import org.fuwu.cases.internal.CaseAttachments;
import org.fuwu.cases.internal.CaseLists;
import org.fuwu.cases.internal.CaseService;
import org.fuwu.cases.internal.IntakeRequirements;
import org.fuwu.cases.internal.IntakeService;
import org.fuwu.cases.internal.RootCauses;
import org.fuwu.platform.FieldValidationException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/** What the case pages show and do for intake details, attachments, root cause, related cases and the lists' filters. */
@Component
class CaseInsightPages {

    private final IntakeService intake;
    private final CaseAttachments attachments;
    private final RootCauses rootCauses;
    private final CaseLists lists;
    private final CaseService cases;

    CaseInsightPages(IntakeService intake, CaseAttachments attachments, RootCauses rootCauses, CaseLists lists, CaseService cases) {
        this.intake = intake;
        this.attachments = attachments;
        this.rootCauses = rootCauses;
        this.lists = lists;
        this.cases = cases;
    }

    void intakeForm(Model model) {
        model.addAttribute("requestKinds", IntakeRequirements.REQUEST_KINDS.stream().sorted().toList());
    }

    static LocalDate date(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw FieldValidationException.of(field, "cases.validation.day");
        }
    }

    static List<IntakeService.Upload> uploads(List<MultipartFile> files) {
        List<IntakeService.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f == null || f.isEmpty()) {
                    continue;
                }
                try {
                    out.add(new IntakeService.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                } catch (IOException e) {
                    throw FieldValidationException.of("file", "cases.validation.fileEmpty");
                }
            }
        }
        return out;
    }

    CaseIntake.OpenedCase open(CaseIntake.NewCase c, String requestKind, String regulatorReference, String regulatorReceivedOn,
                               String contactName, String contactMobile, String contactEmail, String branchCode,
                               List<MultipartFile> files) {
        return intake.open(c, List.of(), new IntakeRequirements.Details(requestKind, regulatorReference,
                date(regulatorReceivedOn, "regulatorReceivedOn"), contactName, contactMobile, contactEmail), branchCode, uploads(files));
    }

    CaseLists.Filter listModel(Model model, String status, String type, boolean mine, boolean breaching, Long filterId) {
        CaseLists.Filter f;
        if (filterId != null) {
            var saved = lists.filter(filterId);
            f = new CaseLists.Filter(saved.status(), saved.type(), saved.mine(), saved.breaching());
        } else {
            f = CaseLists.normalise(status, type, mine, breaching);
        }
        model.addAttribute("cases", lists.list(f));
        model.addAttribute("filter", f);
        model.addAttribute("filterId", filterId);
        model.addAttribute("presets", CaseLists.PRESETS);
        model.addAttribute("savedFilters", lists.filters());
        return f;
    }

    void caseModel(Model model, long id) {
        model.addAttribute("intake", intake.shown(id));
        model.addAttribute("related", lists.related(id));
        model.addAttribute("attachments", attachments.list(id));
        model.addAttribute("rootCause", rootCauses.of(id));
        model.addAttribute("rootCauseCodes", rootCauses.codes());
    }

    void close(long id, String rootCauseCode, String correctiveAction) {
        if (rootCauseCode != null && !rootCauseCode.isBlank()) {
            rootCauses.closeWith(id, rootCauseCode, correctiveAction);
        } else {
            cases.close(id);
        }
    }
}
