package org.fuwu.cases.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Root cause and corrective action (溯源整改, CBIRC 2020 No. 3): every complaint is closed with a root-cause category
 * of the configurable code table (kind {@code ROOT}, seeded zh/en) and the corrective action taken. The action is
 * free text that names what was done for whom, so it is encrypted like the decision; the category stays in clear
 * for the statistics and survives anonymisation.
 */
@Service
public class RootCauses {

    /** A case's root cause as shown: the code, its names, and the corrective action decrypted. */
    public record Shown(String code, String nameZh, String nameEn, String correctiveAction) {
    }

    private final InsightStore store;
    private final CaseStore cases;
    private final CaseService caseService;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    RootCauses(InsightStore store, CaseStore cases, CaseService caseService, PersonalData personalData, AuditLog audit, Clock clock,
               PlatformTransactionManager txManager) {
        this.store = store;
        this.cases = cases;
        this.caseService = caseService;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    public List<KeywordClassifier.Code> codes() {
        return cases.codes("ROOT");
    }

    /** Records (or corrects) a complaint's root cause before it is closed; 422 names the field, 409 once closed. */
    public void record(long id, String code, String correctiveAction) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!cases.codeExists("ROOT", c)) {
            throw FieldValidationException.of("rootCauseCode", "cases.validation.rootCauseCode");
        }
        if (correctiveAction == null || correctiveAction.strip().length() < 5 || correctiveAction.length() > 4000) {
            throw FieldValidationException.of("correctiveAction", "cases.validation.correctiveAction");
        }
        String actor = CurrentStaff.find().map(StaffPrincipal::auditName).orElse("system");
        tx.executeWithoutResult(s -> {
            CaseRecord r = cases.find(id).orElseThrow(() -> new NotFoundException("case", id));
            if (!r.type().equals("COMPLAINT") && !r.type().equals("REGULATOR_COMPLAINT")) {
                throw new ConflictException("cases.conflict.rootCauseNotComplaint", r.number());
            }
            if (r.status().equals("CLOSED")) {
                throw new ConflictException("cases.conflict.status", r.number(), r.status());
            }
            store.setRootCause(id, c, personalData.encrypt(correctiveAction.strip()));
            cases.event(id, "ROOT_CAUSE", actor, personalData.encrypt(c), clock.instant());
            audit.success("cases.case.rootCause", "case:" + id, Map.of("number", r.number(), "rootCause", c));
        });
    }

    /** Records the root cause and closes the complaint, both or neither. */
    public CaseService.View closeWith(long id, String code, String correctiveAction) {
        return tx.execute(s -> {
            record(id, code, correctiveAction);
            return caseService.close(id);
        });
    }

    /** A case's root cause, or null when none was recorded. */
    public Shown of(long id) {
        InsightStore.Details d = store.details(id).orElseThrow(() -> new NotFoundException("case", id));
        if (d.rootCauseCode() == null) {
            return null;
        }
        String[] names = store.codeNames("ROOT", d.rootCauseCode()).orElse(new String[]{d.rootCauseCode(), d.rootCauseCode()});
        return new Shown(d.rootCauseCode(), names[0], names[1],
                d.correctiveActionEnc() == null ? null : personalData.decrypt(d.correctiveActionEnc()));
    }
}
