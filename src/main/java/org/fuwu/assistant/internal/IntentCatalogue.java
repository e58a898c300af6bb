package org.fuwu.assistant.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The intent catalogue in the database: intents (name, action, slots) and their examples in zh and en. */
@Component
public class IntentCatalogue {

    /** An intent name: lower-case letters, digits, underscores and dots, as in BANKING77's categories. */
    static final Pattern NAME = Pattern.compile("[a-z0-9_.]{1,100}");
    static final int MAX_TEXT = 500;

    public record Intent(long id, String name, String actionCode, List<String> slots, int examplesZh, int examplesEn) {
    }

    public record Example(String intent, String language, String text) {
    }

    /** One row to import: a text and its intent's name. */
    public record Row(String text, String category) {
    }

    public record ImportResult(int intentsCreated, int examplesAdded, int examplesSkipped) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public IntentCatalogue(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Intent> intents() {
        return jdbc.sql("""
                select i.id, i.name, i.action_code, i.slots,
                       (select count(*) from assistant_example e where e.intent_id = i.id and e.language = 'zh') as zh,
                       (select count(*) from assistant_example e where e.intent_id = i.id and e.language = 'en') as en
                  from assistant_intent i order by i.name""")
                .query((rs, n) -> new Intent(rs.getLong("id"), rs.getString("name"), rs.getString("action_code"),
                        slots(rs.getString("slots")), rs.getInt("zh"), rs.getInt("en")))
                .list();
    }

    public List<Example> examples() {
        return jdbc.sql("""
                select i.name, e.language, e.text from assistant_example e join assistant_intent i on i.id = e.intent_id
                 order by e.id""")
                .query((rs, n) -> new Example(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public int exampleCount() {
        return jdbc.sql("select count(*) from assistant_example").query(Integer.class).single();
    }

    /** Checks every row first: one bad row refuses the whole file (422 naming the line). */
    public static List<FieldValidationException.FieldError> errors(List<Row> rows) {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("file", "assistant.import.empty"));
        }
        for (int i = 0; i < rows.size() && errors.size() < 10; i++) {
            Row r = rows.get(i);
            int line = i + 2;
            if (r.text() == null || r.text().isBlank() || r.text().length() > MAX_TEXT) {
                errors.add(new FieldValidationException.FieldError("text", "assistant.import.text", line, MAX_TEXT));
            }
            if (r.category() == null || !NAME.matcher(r.category()).matches()) {
                errors.add(new FieldValidationException.FieldError("category", "assistant.import.category", line));
            }
        }
        return errors;
    }

    /** Adds the rows' examples, creating intents that are not there yet; an example already there is skipped. */
    @Transactional
    public ImportResult importRows(List<Row> rows) {
        var errors = errors(rows);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        java.sql.Timestamp now = SqlTimes.ts(clock.instant());
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, name from assistant_intent").query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        int created = 0;
        int added = 0;
        int skipped = 0;
        for (Row r : rows) {
            Long id = ids.get(r.category());
            if (id == null) {
                id = createIntent(r.category(), null, List.of(), now);
                ids.put(r.category(), id);
                created++;
            }
            if (addExample(id, r.text().strip(), now)) {
                added++;
            } else {
                skipped++;
            }
        }
        audit.success("assistant.intents.import", "intent-catalogue",
                Map.of("intentsCreated", String.valueOf(created), "examplesAdded", String.valueOf(added),
                        "examplesSkipped", String.valueOf(skipped)));
        return new ImportResult(created, added, skipped);
    }

    /** For the demo catalogue: an intent with its action and slots, and its examples. */
    @Transactional
    public void define(String name, String actionCode, List<String> slots, List<String> examples) {
        java.sql.Timestamp now = SqlTimes.ts(clock.instant());
        Long id = jdbc.sql("select id from assistant_intent where name = :n").param("n", name).query(Long.class).optional()
                .orElse(null);
        if (id == null) {
            id = createIntent(name, actionCode, slots, now);
        }
        for (String e : examples) {
            addExample(id, e, now);
        }
        audit.success("assistant.intent.define", "intent:" + name, Map.of("examples", String.valueOf(examples.size())));
    }

    private long createIntent(String name, String actionCode, List<String> slots, java.sql.Timestamp now) {
        jdbc.sql("""
                insert into assistant_intent (name, action_code, slots, created_at, updated_at)
                values (:name, :action, :slots, :now, :now)""")
                .param("name", name).param("action", actionCode).param("slots", String.join(",", slots))
                .param("now", now).update();
        return jdbc.sql("select id from assistant_intent where name = :n").param("n", name).query(Long.class).single();
    }

    private boolean addExample(long intentId, String text, java.sql.Timestamp now) {
        Integer there = jdbc.sql("select count(*) from assistant_example where intent_id = :i and text = :t")
                .param("i", intentId).param("t", text).query(Integer.class).single();
        if (there > 0) {
            return false;
        }
        String language = LanguagePolicy.of(text) == LanguagePolicy.Language.ZH ? "zh" : "en";
        jdbc.sql("insert into assistant_example (intent_id, language, text, created_at) values (:i, :l, :t, :now)")
                .param("i", intentId).param("l", language).param("t", text).param("now", now).update();
        return true;
    }

    private static List<String> slots(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }
}
