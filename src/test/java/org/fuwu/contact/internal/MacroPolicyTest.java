package org.fuwu.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fuwu.contact.internal.MacroPolicy.End;
import org.fuwu.contact.internal.MacroPolicy.Macro;
import org.fuwu.contact.internal.MacroPolicy.Note;
import org.fuwu.contact.internal.MacroPolicy.Reply;
import org.fuwu.contact.internal.MacroPolicy.Transfer;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.junit.jupiter.api.Test;

class MacroPolicyTest {

    private static final Set<String> WRAP_UPS = Set.of("resolved");
    private static final Set<String> QUEUES = Set.of("complaints");

    @Test
    void aMacroRepliesNotesThenEndsInThatOrderWithItsVariablesFilled() {
        Macro m = new Macro("close", "en", "Close", "Thanks {customer}, {agent} of {bank} here.", "closed by {agent}", null, "resolved");
        assertThat(MacroPolicy.steps(m, Map.of("customer", "W**", "agent", "Li Na", "bank", "Fuwu Bank"))).containsExactly(
                new Reply("Thanks W**, Li Na of Fuwu Bank here."), new Note("closed by Li Na"), new End("resolved"));
    }

    @Test
    void aTransferMacroTransfersLastAndAMissingValueBecomesEmpty() {
        Macro m = new Macro("t", "zh-CN", "转", "{customer}您好", null, "complaints", null);
        assertThat(MacroPolicy.steps(m, Map.of())).containsExactly(new Reply("您好"), new Transfer("complaints"));
    }

    @Test
    void textThatIsNoVariableIsLeftAlone() {
        assertThat(MacroPolicy.fill("{} {x y} $1 \\ {customer}", Map.of("customer", "$A\\B"))).isEqualTo("{} {x y} $1 \\ $A\\B");
    }

    @Test
    void aMacroThatTransfersAndEndsOrDoesNothingIsRefused() {
        assertThat(fields(new Macro("both", "en", "Both", null, null, "complaints", "resolved"))).containsExactly("wrapUpCode");
        assertThat(fields(new Macro("none", "en", "None", null, null, null, null))).containsExactly("reply");
    }

    @Test
    void unknownVariablesQueuesAndWrapUpCodesAreRefusedWithTheirField() {
        assertThat(fields(new Macro("x", "en", "X", "Hi {custmer}", "ok", "nowhere", "done"))).containsExactly(
                "reply", "transferQueue", "wrapUpCode", "wrapUpCode");
        assertThat(fields(new Macro("Bad Code", "fr", " ", "Hi", null, null, null))).containsExactly("code", "language", "title");
        assertThat(MacroPolicy.macroErrors(new Macro("x", "en", "X", "Hi {custmer}", null, null, null), WRAP_UPS, QUEUES)
                .get(0).args()).containsExactly("{custmer}");
    }

    @Test
    void aCannedResponseNeedsAKnownVariableOnlyAndAText() {
        assertThat(MacroPolicy.cannedErrors("greet", "zh-CN", "问候", "您好{customer}")).isEmpty();
        assertThat(MacroPolicy.cannedErrors("greet", "zh-CN", "问候", " ").stream().map(FieldError::field)).containsExactly("body");
        assertThat(MacroPolicy.cannedErrors("greet", "en", "Hi", "x".repeat(2001)).stream().map(FieldError::field))
                .containsExactly("body");
        assertThat(MacroPolicy.cannedErrors("greet", "en", "Hi", "Dear {name}").stream().map(FieldError::field))
                .containsExactly("body");
    }

    private static List<String> fields(Macro m) {
        return MacroPolicy.macroErrors(m, WRAP_UPS, QUEUES).stream().map(FieldError::field).toList();
    }
}
