package org.fuwu.assistant.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fuwu.assistant.eval.IntentCsv;
import org.fuwu.assistant.internal.IntentCatalogue;
import org.fuwu.platform.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo bank's intent catalogue (profile {@code demo}, i.e. the embedded default only): 35 bank intents
 * with ten Chinese and three or four English examples each ({@code assistant/demo-intents.csv}), and their
 * action codes and slots ({@code assistant/demo-intent-actions.csv}). Idempotent: does nothing when the
 * catalogue has examples. The model trains in the background once the application is ready.
 */
@Component
@Profile("demo")
@Order(DemoData.CONTACT + 50)
class AssistantDemoData implements ApplicationRunner {

    private final IntentCatalogue catalogue;

    AssistantDemoData(IntentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (catalogue.exampleCount() > 0) {
            return;
        }
        Map<String, List<String>> examples = new LinkedHashMap<>();
        try (var reader = new InputStreamReader(new ClassPathResource("assistant/demo-intents.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (IntentCsv.Row r : IntentCsv.read(reader)) {
                examples.computeIfAbsent(r.category(), x -> new ArrayList<>()).add(r.text());
            }
        }
        try (var reader = new InputStreamReader(new ClassPathResource("assistant/demo-intent-actions.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (List<String> r : IntentCsv.records(reader)) {
                String intent = r.get(0);
                if (intent.equals("intent") || !examples.containsKey(intent)) {
                    continue;
                }
                List<String> slots = r.size() > 2 && !r.get(2).isBlank() ? List.of(r.get(2).split(",")) : List.of();
                catalogue.define(intent, r.get(1), slots, examples.get(intent));
            }
        }
    }
}
