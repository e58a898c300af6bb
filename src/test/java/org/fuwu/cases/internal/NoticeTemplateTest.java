package org.fuwu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class NoticeTemplateTest {

    @Test
    void variablesAreFilledInAndAKnownOneWithoutAValueShowsADash() {
        var t = new NoticeTemplate("ACKNOWLEDGEMENT", "EMAIL", "en", "Your complaint {number}",
                "Dear {customer}, {officer} handles {number}; decision by {dueDate}.");
        var r = t.render(Map.of("number", "TS2026000007", "customer", "Ms Wu", "dueDate", "2026-12-18"));
        assertThat(r.subject()).isEqualTo("Your complaint TS2026000007");
        assertThat(r.body()).isEqualTo("Dear Ms Wu, – handles TS2026000007; decision by 2026-12-18.");
    }

    @Test
    void valuesAreTakenLiterallyNotAsPatterns() {
        var t = new NoticeTemplate("DECISION", "LETTER", "zh-CN", "S", "结果：{decision}");
        assertThat(t.render(Map.of("decision", "退还 $100 {number} \\1")).body()).isEqualTo("结果：退还 $100 {number} \\1");
    }

    @Test
    void unknownVariablesAreFoundAndLeftAsTheyAre() {
        assertThat(NoticeTemplate.unknownVariables("Dear {customer}, {nmuber} {foo} {nmuber}")).containsExactly("nmuber", "foo");
        assertThat(NoticeTemplate.unknownVariables("{number} {reviewUntil}")).isEmpty();
        assertThat(new NoticeTemplate("DECISION", "SMS", "en", "S", "{foo}").render(Map.of("foo", "x")).body()).isEqualTo("{foo}");
    }

    @Test
    void anSmsIsCutAtFiveHundredCharacters() {
        var t = new NoticeTemplate("DECISION", "SMS", "en", "S", "{decision}");
        String body = t.render(Map.of("decision", "x".repeat(600))).body();
        assertThat(body).hasSize(500).endsWith("…");
        assertThat(new NoticeTemplate("DECISION", "EMAIL", "en", "S", "{decision}").render(Map.of("decision", "x".repeat(600)))
                .body()).hasSize(600);
    }
}
