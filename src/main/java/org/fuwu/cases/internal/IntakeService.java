package org.fuwu.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.fuwu.cases.CaseIntake;
import org.fuwu.organization.BranchSummary;
import org.fuwu.organization.Branches;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Masking;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opening a case with what its type requires ({@link IntakeRequirements}), its contact details (encrypted, with a
 * blind index of the mobile for repeat complaints; a web-form complainant is never linked to a customer file by the
 * mobile they typed, as nobody verified it), where it belongs (the branch of the staff member who records it, or the
 * branch the customer names, and its region) and its first files, all in one transaction.
 */
@Service
public class IntakeService {

    /** A file sent with a new case. */
    public record Upload(String name, String declaredType, byte[] content) {
    }

    /** Intake details as shown to staff: contact details masked. */
    public record Shown(String requestKind, String regulatorReference, LocalDate regulatorReceivedOn, String contactName,
                        String contactMobile, String contactEmail, String branchCode, String regionCode, boolean anonymised) {
    }

    private final CaseService cases;
    private final InsightStore store;
    private final CaseAttachments attachments;
    private final PersonalData personalData;
    private final Branches branches;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;

    IntakeService(CaseService cases, InsightStore store, CaseAttachments attachments, PersonalData personalData, Branches branches,
                  Clock clock, PlatformTransactionManager txManager, @Value("${fuwu.cases.zone:Asia/Shanghai}") ZoneId zone) {
        this.cases = cases;
        this.store = store;
        this.attachments = attachments;
        this.personalData = personalData;
        this.branches = branches;
        this.clock = clock;
        this.zone = zone;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The branches a customer may name on the web form. */
    public List<BranchSummary> branches() {
        return branches.all();
    }

    public CaseIntake.OpenedCase open(CaseIntake.NewCase c, List<String> involved, IntakeRequirements.Details details,
                                      String branchCode, List<Upload> files) {
        if (c.summary() == null || c.summary().isBlank() || c.summary().length() > 8000) {
            throw FieldValidationException.of("summary", "cases.validation.summary");
        }
        IntakeRequirements.Details d = IntakeRequirements.check(c.type(), c.customerId() != null, details,
                LocalDate.now(clock.withZone(zone)));
        String branch = branchCode == null || branchCode.isBlank() ? null : branchCode.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<Scope> scope = CurrentStaff.find().map(p -> p.scope());
        if (branch == null && scope.isPresent() && scope.get().level() == Scope.Level.BRANCH) {
            branch = scope.get().code();
        }
        String region = null;
        if (branch != null) {
            BranchSummary b = branches.find(branch).orElseThrow(() -> FieldValidationException.of("branchCode",
                    "cases.validation.branchCode"));
            region = b.regionCode();
        } else if (scope.isPresent() && scope.get().level() == Scope.Level.REGION) {
            region = scope.get().code();
        }
        List<Upload> uploads = files == null ? List.of() : files.stream().filter(f -> f.content() != null && f.content().length > 0)
                .toList();
        if (uploads.size() > CaseAttachments.MAX_FILES) {
            throw FieldValidationException.of("file", "cases.validation.tooManyFiles", CaseAttachments.MAX_FILES);
        }
        uploads.forEach(u -> CaseAttachments.check(u.declaredType(), u.content()));
        String fBranch = branch;
        String fRegion = region;
        return tx.execute(s -> {
            CaseIntake.OpenedCase opened = cases.open(c, involved);
            store.saveDetails(opened.id(), d.requestKind(), d.regulatorReference(), d.regulatorReceivedOn(), enc(d.contactName()),
                    enc(d.contactMobile()), d.contactMobile() == null ? null : personalData.blindIndex("mobile", d.contactMobile()),
                    enc(d.contactEmail()), fBranch, fRegion);
            uploads.forEach(u -> attachments.add(opened.id(), u.name(), u.declaredType(), u.content()));
            return opened;
        });
    }

    private String enc(String s) {
        return s == null ? null : personalData.encrypt(s);
    }

    public Shown shown(long caseId) {
        InsightStore.Details d = store.details(caseId).orElseThrow(() -> new org.fuwu.platform.NotFoundException("case", caseId));
        return new Shown(d.requestKind(), d.regulatorRef(), d.regulatorReceivedOn(),
                d.contactNameEnc() == null ? null : Masking.keep(personalData.decrypt(d.contactNameEnc()), 1, 0),
                d.contactMobileEnc() == null ? null : Masking.mobile(personalData.decrypt(d.contactMobileEnc())),
                d.contactEmailEnc() == null ? null : Masking.email(personalData.decrypt(d.contactEmailEnc())),
                d.branchCode(), d.regionCode(), d.anonymisedAt() != null);
    }
}
