package org.fuwu.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fuwu.knowledge.internal.EntryTransfer.Format;
import org.fuwu.knowledge.internal.KnowledgeService.ImportRow;
import org.fuwu.knowledge.internal.KnowledgeStore.EntryRow;
import org.fuwu.platform.FieldValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EntryTransferTest {

    static final List<EntryRow> ENTRIES = List.of(
            new EntryRow(7, "FAQ", "zh", "PUBLISHED", 1L, "CARD_LOSS", "银行卡丢失了怎么挂失？", List.of("银行卡丢了怎么办", "卡被偷了, \"快\""),
                    "<p>拨打 95xxx，<strong>口头挂失</strong>。</p>", List.of("DEBIT_CARD", "CREDIT_CARD"), List.of("WEB", "AGENT"),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "quality1", "quality1", null, null, 2, 5, 1,
                    Instant.EPOCH, Instant.EPOCH),
            new EntryRow(8, "ARTICLE", "en", "DRAFT", null, null, "=1+1 is not a formula", List.of(),
                    "<p>Plain</p>", List.of(), List.of("ASSISTANT"), null, null, "admin", "admin", null, null, null, 0, 0,
                    Instant.EPOCH, Instant.EPOCH));

    @ParameterizedTest
    @EnumSource(Format.class)
    void whatIsExportedIsReadBackTheSame(Format format) {
        byte[] file = EntryTransfer.export(ENTRIES, format);
        List<ImportRow> rows = EntryTransfer.read(file, format);
        assertThat(rows).hasSize(2);
        ImportRow zh = rows.get(0);
        assertThat(zh.row()).isEqualTo(1);
        assertThat(zh.id()).isEqualTo(7L);
        assertThat(zh.input().language()).isEqualTo("zh");
        assertThat(zh.input().category()).isEqualTo("CARD_LOSS");
        assertThat(zh.input().question()).isEqualTo("银行卡丢失了怎么挂失？");
        assertThat(zh.input().similarQuestions()).containsExactly("银行卡丢了怎么办", "卡被偷了, \"快\"");
        assertThat(zh.input().answerHtml()).isEqualTo("<p>拨打 95xxx，<strong>口头挂失</strong>。</p>");
        assertThat(zh.input().products()).containsExactly("DEBIT_CARD", "CREDIT_CARD");
        assertThat(zh.input().channels()).containsExactly("WEB", "AGENT");
        assertThat(zh.input().validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(zh.input().validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(zh.input().owner()).isEqualTo("quality1");
        ImportRow en = rows.get(1);
        assertThat(en.input().kind()).isEqualTo("ARTICLE");
        assertThat(en.input().question()).isEqualTo("=1+1 is not a formula");
        assertThat(en.input().similarQuestions()).isEmpty();
        assertThat(en.input().validFrom()).isNull();
    }

    @Test
    void aCsvExportGuardsCellsThatWouldStartAFormula() {
        String csv = new String(EntryTransfer.export(ENTRIES, Format.CSV), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,language,").contains("'=1+1 is not a formula");
    }

    @Test
    void badCellsAreAnsweredByRowAndField() {
        String csv = "question,language,validFrom,id\r\nok,zh,2026-01-01,\r\n\r\nbad,en,31/12/2026,x1\r\n";
        assertThatThrownBy(() -> EntryTransfer.read(csv.getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldValidationException.FieldError::field).containsExactly("rows[3].id", "rows[3].validFrom"));
    }

    @Test
    void unreadableFilesAreAnsweredAsSuch() {
        assertThatThrownBy(() -> EntryTransfer.read("not json".getBytes(StandardCharsets.UTF_8), Format.JSON))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("file"));
        assertThatThrownBy(() -> EntryTransfer.read("PK garbage".getBytes(StandardCharsets.UTF_8), Format.XLSX))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("knowledge.validation.xlsx"));
        assertThatThrownBy(() -> EntryTransfer.read("a,b\r\n1,\"open".getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOf(FieldValidationException.class);
        assertThatThrownBy(() -> EntryTransfer.read("a,b\r\n1,2".getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOfSatisfying(FieldValidationException.class, e -> assertThat(e.errors().get(0).messageKey())
                        .isEqualTo("knowledge.validation.header"));
    }

    @Test
    void theFormatComesFromItsNameOrTheFileName() {
        assertThat(Format.of("XLSX")).isEqualTo(Format.XLSX);
        assertThat(Format.of("faq-2026.csv")).isEqualTo(Format.CSV);
        assertThatThrownBy(() -> Format.of("faq.txt")).isInstanceOf(FieldValidationException.class);
    }
}
