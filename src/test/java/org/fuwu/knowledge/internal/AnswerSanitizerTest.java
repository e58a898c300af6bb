package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerSanitizerTest {

    @Test
    void scriptsHandlersAndJavascriptUrlsAreRemovedFormattingStays() {
        String clean = AnswerSanitizer.sanitize("<p onclick=\"steal()\">Call <strong>95xxx</strong><script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><img src=x onerror=alert(1)><iframe src=//evil></iframe>"
                + "<ul><li>one</li></ul><a href=\"https://bank.example/faq\">faq</a>");
        assertThat(clean).doesNotContain("script", "onclick", "javascript", "img", "onerror", "iframe");
        assertThat(clean).contains("<p>Call <strong>95xxx</strong></p>", "<ul><li>one</li></ul>",
                "<a href=\"https://bank.example/faq\" rel=\"nofollow\">faq</a>");
    }

    @Test
    void tablesAndHeadingsAreKept() {
        assertThat(AnswerSanitizer.sanitize("<h3>Limits</h3><table><tbody><tr><td colspan=\"2\">5万</td></tr></tbody></table>"))
                .isEqualTo("<h3>Limits</h3><table><tbody><tr><td colspan=\"2\">5万</td></tr></tbody></table>");
    }

    @Test
    void theSnippetIsPlainTextCutWithAnEllipsis() {
        assertThat(AnswerSanitizer.snippet("<p>请立即办理<strong>口头挂失</strong>。</p>", 100)).isEqualTo("请立即办理口头挂失。");
        String s = AnswerSanitizer.snippet("<p>" + "word ".repeat(50) + "</p>", 30);
        assertThat(s).endsWith("…").doesNotContain("<").hasSizeLessThanOrEqualTo(31);
    }
}
