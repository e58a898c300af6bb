package org.fuwu.customer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;
import org.fuwu.customer.internal.Gender;
import org.fuwu.customer.internal.IdentityRules;
import org.fuwu.customer.internal.PreferentialPolicy;
import org.fuwu.platform.Identifiers;
import org.junit.jupiter.api.Test;

class DemoCustomersTest {

    private final List<DemoCustomers.DemoCustomer> demo = DemoCustomers.generate(CustomerDemoData.SEED, CustomerDemoData.COUNT,
            CustomerDemoData.REFERENCE);

    @Test
    void atLeastTwoHundredDistinctCustomers() {
        assertThat(demo).hasSizeGreaterThanOrEqualTo(200);
        assertThat(demo.stream().map(DemoCustomers.DemoCustomer::idNumber).distinct()).hasSize(demo.size());
        assertThat(demo.stream().map(DemoCustomers.DemoCustomer::mobile).distinct()).hasSize(demo.size());
        List<String> cards = demo.stream().map(DemoCustomers.DemoCustomer::cardNumber).filter(Objects::nonNull).toList();
        assertThat(cards).doesNotHaveDuplicates().hasSizeGreaterThan(40);
        assertThat(demo.stream().map(DemoCustomers.DemoCustomer::email).filter(Objects::nonNull).count()).isGreaterThan(30);
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        assertThat(DemoCustomers.generate(CustomerDemoData.SEED, CustomerDemoData.COUNT, CustomerDemoData.REFERENCE)).isEqualTo(demo);
    }

    @Test
    void everyIdNumberHasARealRegionAPlausibleBirthDateAndTheRightCheckDigitAndGender() {
        for (DemoCustomers.DemoCustomer d : demo) {
            assertThat(Identifiers.isIdNumber(d.idNumber())).as(d.name()).isTrue();
            assertThat(d.idNumber().charAt(17)).isEqualTo(Identifiers.idCheckDigit(d.idNumber().substring(0, 17)));
            assertThat(d.idNumber().substring(0, 2)).isIn("11", "12", "21", "31", "32", "33", "35", "37", "42", "44", "50", "51", "61");
            int age = PreferentialPolicy.age(Identifiers.birthDateOf(d.idNumber()), CustomerDemoData.REFERENCE);
            assertThat(age).isBetween(18, 90);
            assertThat(IdentityRules.genderOf(d.idNumber())).isEqualTo(d.gender());
            assertThat(d.gender()).isIn(Gender.MALE, Gender.FEMALE);
        }
        assertThat(demo).anyMatch(d -> d.idNumber().startsWith("310101"));
        assertThat(demo).anyMatch(d -> d.idNumber().startsWith("110105"));
        assertThat(demo).anyMatch(d -> d.idNumber().startsWith("440305"));
    }

    @Test
    void mobilesCardsAndEmailsAreValid() {
        for (DemoCustomers.DemoCustomer d : demo) {
            assertThat(Identifiers.isMobile(d.mobile())).as(d.mobile()).isTrue();
            if (d.cardNumber() != null) {
                assertThat(Identifiers.isCardNumber(d.cardNumber())).isTrue();
                assertThat(d.cardNumber()).matches("(622202|621700)\\d{13}");
            }
            if (d.email() != null) {
                assertThat(Identifiers.isEmail(d.email())).isTrue();
            }
        }
    }

    @Test
    void namesAreChinese() {
        assertThat(demo).allSatisfy(d -> assertThat(d.name()).matches("\\p{IsHan}{2,4}"));
    }

    @Test
    void mostlyOrdinarySomeVipAFewPrivate() {
        Map<Segment, Long> bySegment = demo.stream().collect(Collectors.groupingBy(DemoCustomers.DemoCustomer::segment,
                Collectors.counting()));
        assertThat(bySegment.get(Segment.ORDINARY)).isGreaterThan(demo.size() * 7L / 10);
        assertThat(bySegment.get(Segment.VIP)).isGreaterThan(bySegment.get(Segment.PRIVATE));
        assertThat(bySegment.get(Segment.PRIVATE)).isPositive();
    }

    @Test
    void theElderlyAreFlaggedFromSixtyAndSomeAreDisabledOrPregnant() {
        for (DemoCustomers.DemoCustomer d : demo) {
            boolean elderly = PreferentialPolicy.isElderly(Identifiers.birthDateOf(d.idNumber()), CustomerDemoData.REFERENCE);
            assertThat(d.flagged().contains(PreferentialClass.ELDERLY)).isEqualTo(elderly);
            if (d.flagged().contains(PreferentialClass.PREGNANT)) {
                assertThat(d.gender()).isEqualTo(Gender.FEMALE);
            }
        }
        Map<PreferentialClass, Long> counts = demo.stream().flatMap(d -> d.flagged().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.get(PreferentialClass.ELDERLY)).isGreaterThan(10);
        assertThat(counts.get(PreferentialClass.DISABLED)).isPositive();
        assertThat(counts.get(PreferentialClass.PREGNANT)).isPositive();
        assertThat(LocalDate.now()).isAfter(CustomerDemoData.REFERENCE.minusYears(1));
    }
}
