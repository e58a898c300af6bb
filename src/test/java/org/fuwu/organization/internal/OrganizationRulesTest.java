package org.fuwu.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.junit.jupiter.api.Test;

class OrganizationRulesTest {

    private final List<FieldError> errors = new ArrayList<>();

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void codesAreTwoToTenUpperCaseLettersOrDigits() {
        assertThat(OrganizationRules.isCode("B001")).isTrue();
        assertThat(OrganizationRules.isCode("R1")).isTrue();
        assertThat(OrganizationRules.isCode("ABCDEFGHIJ")).isTrue();
        assertThat(OrganizationRules.isCode("B")).isFalse();
        assertThat(OrganizationRules.isCode("ABCDEFGHIJK")).isFalse();
        assertThat(OrganizationRules.isCode("b001")).isFalse();
        assertThat(OrganizationRules.isCode("B-01")).isFalse();
        assertThat(OrganizationRules.isCode("支行")).isFalse();
        assertThat(OrganizationRules.isCode(null)).isFalse();
    }

    @Test
    void aMissingCodeAndABadCodeAreNamed() {
        OrganizationRules.code("code", " ", errors);
        OrganizationRules.code("zoneCode", "z 1", errors);
        assertThat(errors).extracting(FieldError::messageKey).containsExactly("validation.NotBlank", "organization.validation.code");
        assertThat(fields()).containsExactly("code", "zoneCode");
    }

    @Test
    void coordinatesMustBeInRange() {
        OrganizationRules.coordinates(new BigDecimal("90"), new BigDecimal("-180"), errors);
        assertThat(errors).isEmpty();
        OrganizationRules.coordinates(new BigDecimal("90.0001"), new BigDecimal("180.5"), errors);
        assertThat(fields()).containsExactly("latitude", "longitude");
    }

    @Test
    void coordinatesComeTogether() {
        OrganizationRules.coordinates(new BigDecimal("31.2"), null, errors);
        assertThat(fields()).containsExactly("longitude");
        errors.clear();
        OrganizationRules.coordinates(null, null, errors);
        assertThat(errors).isEmpty();
    }

    @Test
    void timeZonesAndPhonesAreChecked() {
        assertThat(OrganizationRules.isTimeZone("Asia/Shanghai")).isTrue();
        assertThat(OrganizationRules.isTimeZone("Asia/Atlantis")).isFalse();
        OrganizationRules.timeZone("Asia/Atlantis", errors);
        OrganizationRules.phone("021-6321 5888", errors);
        OrganizationRules.phone("call me", errors);
        assertThat(fields()).containsExactly("timeZone", "phone");
    }

    @Test
    void kindsAreReadInAnyCaseAndUnknownOnesAreNamed() {
        assertThat(OrganizationRules.kind(ZoneKind.class, "kind", "large_cash", errors)).isEqualTo(ZoneKind.LARGE_CASH);
        assertThat(OrganizationRules.kind(CounterKind.class, "kind", "DRIVE_IN", errors)).isNull();
        assertThat(fields()).containsExactly("kind");
    }

    @Test
    void aWeekFillsUnlistedDaysAsClosed() {
        List<DayHours> week = OrganizationRules.week(new HoursInput(List.of(
                new HoursInput.Day("MONDAY", false, LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new HoursInput.Day("saturday", null, LocalTime.of(9, 0), LocalTime.of(16, 0)))), errors);
        assertThat(errors).isEmpty();
        assertThat(week).hasSize(7);
        assertThat(week.get(0)).isEqualTo(DayHours.open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
        assertThat(week.get(1).closed()).isTrue();
        assertThat(week.get(5).closes()).isEqualTo(LocalTime.of(16, 0));
        assertThat(week.get(6).closed()).isTrue();
    }

    @Test
    void closingBeforeOrAtOpeningIsRefused() {
        OrganizationRules.week(new HoursInput(List.of(
                new HoursInput.Day("MONDAY", false, LocalTime.of(17, 0), LocalTime.of(9, 0)),
                new HoursInput.Day("TUESDAY", false, LocalTime.of(9, 0), LocalTime.of(9, 0)))), errors);
        assertThat(fields()).containsExactly("days[0].closes", "days[1].closes");
        assertThat(errors.get(0).messageKey()).isEqualTo("organization.validation.closesBeforeOpens");
    }

    @Test
    void anOpenDayNeedsBothTimesAndAWeekdayIsNamedOnce() {
        OrganizationRules.week(new HoursInput(List.of(
                new HoursInput.Day("MONDAY", false, null, LocalTime.of(9, 0)),
                new HoursInput.Day("FUNDAY", true, null, null),
                new HoursInput.Day("SUNDAY", true, null, null),
                new HoursInput.Day("SUNDAY", true, null, null))), errors);
        assertThat(fields()).containsExactly("days[0].opens", "days[1].weekday", "days[3].weekday");
    }

    @Test
    void aClosedDayNeedsNoTimes() {
        List<DayHours> week = OrganizationRules.week(new HoursInput(List.of(
                new HoursInput.Day("SUNDAY", true, LocalTime.of(9, 0), null))), errors);
        assertThat(errors).isEmpty();
        assertThat(week.get(6)).isEqualTo(DayHours.closed(DayOfWeek.SUNDAY));
    }

    @Test
    void brokenFieldsBecomeOneValidationException() {
        OrganizationRules.throwIfAny(errors);
        errors.add(new FieldError("latitude", "organization.validation.latitude"));
        assertThatThrownBy(() -> OrganizationRules.throwIfAny(errors)).isInstanceOf(FieldValidationException.class)
                .hasMessageContaining("latitude");
    }

    @Test
    void pagingChecksSizeAndSort() {
        assertThat(new Paging(0, 20, "nameEn,desc").orderBy(OrganizationRepository.BRANCH_SORT)).isEqualTo("name_en desc, code");
        assertThat(new Paging(0, 20, null).orderBy(OrganizationRepository.BRANCH_SORT)).isEqualTo("code");
        assertThatThrownBy(() -> new Paging(0, 201, null).orderBy(OrganizationRepository.BRANCH_SORT))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> new Paging(0, 20, "name_en; drop table org_branch").orderBy(OrganizationRepository.BRANCH_SORT))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> new Paging(-1, 20, null).orderBy(OrganizationRepository.BRANCH_SORT))
                .isInstanceOf(FieldValidationException.class);
    }
}
