package org.fuwu.contact.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.ContactConfigStore;
import org.fuwu.contact.internal.ContactConfigStore.CannedResponse;
import org.fuwu.contact.internal.ConversationDetails;
import org.fuwu.contact.internal.MacroPolicy;
import org.fuwu.contact.internal.MacroRunner;
import org.fuwu.contact.internal.ResponseAdmin;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Canned responses and macros: agents read and apply them, supervisors keep them. Texts take the
 * variables {customer}, {agent} and {bank}; a macro replies, notes, then transfers or ends.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Contact centre: responses and macros")
class ResponseApiController {

    private final ContactConfigStore config;
    private final ResponseAdmin admin;
    private final MacroRunner macros;
    private final ConversationDetails details;

    ResponseApiController(ContactConfigStore config, ResponseAdmin admin, MacroRunner macros, ConversationDetails details) {
        this.config = config;
        this.admin = admin;
        this.macros = macros;
        this.details = details;
    }

    record CannedInput(String title, String body) {
    }

    record MacroInput(String title, String reply, String note, String transferQueue, String wrapUpCode) {
    }

    record ApplyInput(String code, String language) {
    }

    record Applied(ConversationDetails.Detail conversation, List<String> steps) {
    }

    @PutMapping("/contact/canned-responses/{language}/{code}")
    @Operation(summary = "Create or change a canned response in one language")
    CannedResponse saveCanned(@PathVariable String language, @PathVariable String code, @RequestBody CannedInput in) {
        return admin.saveCanned(code, language, in.title(), in.body());
    }

    @DeleteMapping("/contact/canned-responses/{language}/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a canned response in one language")
    void deleteCanned(@PathVariable String language, @PathVariable String code) {
        admin.deleteCanned(code, language);
    }

    @GetMapping("/contact/macros")
    @Operation(summary = "The macros in one language")
    List<MacroPolicy.Macro> macros(@RequestParam(defaultValue = "zh-CN") String language) {
        return config.macros(language.startsWith("en") ? "en" : "zh-CN");
    }

    @PutMapping("/contact/macros/{language}/{code}")
    @Operation(summary = "Create or change a macro in one language: reply, note, then transfer or end")
    MacroPolicy.Macro saveMacro(@PathVariable String language, @PathVariable String code, @RequestBody MacroInput in) {
        return admin.saveMacro(new MacroPolicy.Macro(code, language, in.title(), in.reply(), in.note(), in.transferQueue(),
                in.wrapUpCode()));
    }

    @DeleteMapping("/contact/macros/{language}/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a macro in one language")
    void deleteMacro(@PathVariable String language, @PathVariable String code) {
        admin.deleteMacro(code, language);
    }

    @PostMapping("/conversations/{id}/macro")
    @Operation(summary = "Apply a macro to the agent's own conversation: all its steps, or none")
    Applied apply(@PathVariable long id, @RequestBody ApplyInput in) {
        if (in == null || in.code() == null || in.code().isBlank()) {
            throw FieldValidationException.of("code", "contact.validation.responseCode");
        }
        String chosenIn = in.language() == null ? null : in.language().startsWith("en") ? "en" : "zh-CN";
        MacroRunner.Applied a = macros.apply(CurrentStaff.get(), id, in.code().strip(), chosenIn);
        return new Applied(details.detail(CurrentStaff.get(), id), a.steps());
    }
}
