package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.fuwu.cases.internal.IntakeRequirements.Details;
import org.fuwu.platform.FieldValidationException;
import org.junit.jupiter.api.Test;

class IntakeRequirementsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static String field(Runnable r) {
        try {
            r.run();
        } catch (FieldValidationException e) {
            return e.errors().get(0).field();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aServiceRequestNeedsItsRequestKind() {
        assertThat(field(() -> IntakeRequirements.check("SERVICE_REQUEST", true, Details.none(), TODAY))).isEqualTo("requestKind");
        assertThat(field(() -> IntakeRequirements.check("SERVICE_REQUEST", true,
                new Details("PIZZA", null, null, null, null, null), TODAY))).isEqualTo("requestKind");
        assertThat(IntakeRequirements.check("service_request", true, new Details(" statement ", null, null, null, null, null), TODAY)
                .requestKind()).isEqualTo("STATEMENT");
    }

    @Test
    void aRegulatorComplaintNeedsTheRegulatorsReferenceAndAPlausibleReceivedDate() {
        Details noRef = new Details(null, " ", TODAY, null, "13800138000", null);
        assertThat(field(() -> IntakeRequirements.check("REGULATOR_COMPLAINT", false, noRef, TODAY))).isEqualTo("regulatorReference");
        Details noDate = new Details(null, "银保监投〔2026〕12号", null, null, "13800138000", null);
        assertThat(field(() -> IntakeRequirements.check("REGULATOR_COMPLAINT", false, noDate, TODAY))).isEqualTo("regulatorReceivedOn");
        Details future = new Details(null, "REF-1", TODAY.plusDays(1), null, "13800138000", null);
        assertThat(field(() -> IntakeRequirements.check("REGULATOR_COMPLAINT", false, future, TODAY))).isEqualTo("regulatorReceivedOn");
        Details ok = new Details("STATEMENT", "银保监投〔2026〕12号", TODAY.minusDays(3), null, "13800138000", null);
        Details checked = IntakeRequirements.check("REGULATOR_COMPLAINT", false, ok, TODAY);
        assertThat(checked.regulatorReference()).isEqualTo("银保监投〔2026〕12号");
        assertThat(checked.requestKind()).as("a field the type does not use is dropped").isNull();
    }

    @Test
    void complaintsAndFeedbackMayBeAnonymousOtherTypesNeedAWayToAnswer() {
        assertThat(IntakeRequirements.check("COMPLAINT", false, Details.none(), TODAY).contactMobile()).isNull();
        assertThat(IntakeRequirements.check("FEEDBACK", false, Details.none(), TODAY)).isNotNull();
        assertThat(field(() -> IntakeRequirements.check("INQUIRY", false, Details.none(), TODAY))).isEqualTo("contactMobile");
        assertThat(IntakeRequirements.check("INQUIRY", true, Details.none(), TODAY)).isNotNull();
        assertThat(IntakeRequirements.check("INQUIRY", false, new Details(null, null, null, null, null, "a@b.cn"), TODAY).contactEmail())
                .isEqualTo("a@b.cn");
    }

    @Test
    void contactDetailsMustBeWellFormed() {
        assertThat(field(() -> IntakeRequirements.check("COMPLAINT", false, new Details(null, null, null, null, "12345", null), TODAY)))
                .isEqualTo("contactMobile");
        assertThat(field(() -> IntakeRequirements.check("COMPLAINT", false, new Details(null, null, null, null, null, "no-at"), TODAY)))
                .isEqualTo("contactEmail");
        assertThat(field(() -> IntakeRequirements.check("COMPLAINT", false, new Details(null, null, null, "x".repeat(51), null, null),
                TODAY))).isEqualTo("contactName");
        assertThat(IntakeRequirements.check("COMPLAINT", false, new Details(null, null, null, " 王女士 ", "138 0013 8000", null), TODAY))
                .extracting(Details::contactName, Details::contactMobile).containsExactly("王女士", "13800138000");
        assertThatThrownBy(() -> IntakeRequirements.check("PIZZA", true, Details.none(), TODAY))
                .isInstanceOf(FieldValidationException.class);
    }
}
