package org.fuwu.assistant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.fuwu.assistant.eval.IntentCsv;
import org.fuwu.assistant.internal.IntentCatalogue;
import org.fuwu.assistant.internal.IntentModelService;
import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;
import org.fuwu.platform.ClientRateLimit;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;

/** The assistant's API: the intent catalogue's import, the model's state, and asking a question. */
@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant", description = "Intent catalogue, the intent model and questions to the assistant")
class AssistantApiController {

    static final int MAX_QUESTION = 500;

    record AskInput(String text, String language) {
    }

    private final IntentCatalogue catalogue;
    private final IntentModelService model;
    private final ClientRateLimit askLimit = new ClientRateLimit(60, Duration.ofMinutes(1), Clock.systemUTC());

    AssistantApiController(IntentCatalogue catalogue, IntentModelService model) {
        this.catalogue = catalogue;
        this.model = model;
    }

    @PostMapping(path = "/intents:import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import intent examples", description = "CSV text,category with a header row; new intents are "
            + "created, examples already there skipped; the model retrains in the background")
    IntentCatalogue.ImportResult importIntents(@RequestBody(required = false) String csv) {
        List<IntentCsv.Row> rows;
        try {
            rows = IntentCsv.read(new StringReader(csv == null ? "" : csv));
        } catch (IllegalArgumentException | IOException e) {
            throw FieldValidationException.of("file", "assistant.import.format");
        }
        var result = catalogue.importRows(rows.stream().map(r -> new IntentCatalogue.Row(r.text(), r.category())).toList());
        model.retrain();
        return result;
    }

    @GetMapping("/intents")
    @Operation(summary = "The intent catalogue", description = "Intents with their action, slots and example counts per language")
    List<IntentCatalogue.Intent> intents() {
        return catalogue.intents();
    }

    @GetMapping("/model")
    @Operation(summary = "The intent model's state", description = "TRAINING (with progress 0-1) or READY, with what it was trained on")
    IntentModelService.State state() {
        return model.state();
    }

    @PostMapping("/ask")
    @Operation(summary = "Ask the assistant", description = "The recognised intent, its confidence and top-2 margin, and "
            + "whether to hand off to a person (below the calibrated thresholds, or when a person is asked for)")
    ResponseEntity<IntentModelService.Answer> ask(@RequestBody(required = false) AskInput in, HttpServletRequest request) {
        if (in == null || in.text() == null || in.text().isBlank()) {
            throw FieldValidationException.of("text", "assistant.ask.text", MAX_QUESTION);
        }
        if (in.text().length() > MAX_QUESTION) {
            throw FieldValidationException.of("text", "assistant.ask.text", MAX_QUESTION);
        }
        if (in.language() != null && !in.language().isBlank() && !in.language().matches("(?i)zh(-cn)?|en(-[a-z]{2})?")) {
            throw FieldValidationException.of("language", "assistant.ask.language");
        }
        if (!askLimit.tryAcquire(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();
        }
        return ResponseEntity.ok(model.ask(in.text().strip(), in.language()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        AccessRules assistantAccessRules() {
            return () -> List.of(
                    AccessRule.roles("POST", "/api/v1/assistant/intents:import", Role.ADMIN, Role.SUPERVISOR),
                    AccessRule.roles("GET", "/api/v1/assistant/intents", Role.ADMIN, Role.SUPERVISOR, Role.AGENT, Role.ANALYST),
                    AccessRule.authenticated("GET", "/api/v1/assistant/model"),
                    // the customer's question, from the web chat widget and the mobile page (anonymous, rate-limited)
                    AccessRule.publicAccess("POST", "/api/v1/assistant/ask"));
        }
    }
}
