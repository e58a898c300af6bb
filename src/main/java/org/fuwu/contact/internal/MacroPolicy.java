package org.fuwu.contact.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fuwu.platform.FieldValidationException.FieldError;

/**
 * What makes a canned response or a macro valid, how their variables are filled, and the steps a macro
 * takes. A macro replies, notes, then transfers or ends, in that order; it does at least one thing and
 * never both transfers and ends. Texts may use only the known variables ({@code {customer}},
 * {@code {agent}}, {@code {bank}}), so a typo such as {@code {custmer}} is refused when it is saved, not
 * sent to a customer.
 */
public final class MacroPolicy {

    public static final Set<String> VARIABLES = Set.of("customer", "agent", "bank");
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";
    static final int MAX_TEXT = 2000;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");

    /** A macro in one language. Empty texts and codes are null. */
    public record Macro(String code, String language, String title, String reply, String note, String transferQueue,
                        String wrapUpCode) {
    }

    /** One step of a macro, to run in order. */
    public sealed interface Step {
    }

    public record Reply(String text) implements Step {
    }

    public record Note(String text) implements Step {
    }

    public record Transfer(String queue) implements Step {
    }

    public record End(String wrapUpCode) implements Step {
    }

    private MacroPolicy() {
    }

    /** The errors of a canned response: code, language, title and body. */
    public static List<FieldError> cannedErrors(String code, String language, String title, String body) {
        List<FieldError> errors = new ArrayList<>();
        common(code, language, title, errors);
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "contact.validation.responseText"));
        } else {
            text("body", body, errors);
        }
        return errors;
    }

    /** The errors of a macro, given the active wrap-up codes and queues. */
    public static List<FieldError> macroErrors(Macro m, Set<String> wrapUpCodes, Set<String> queues) {
        List<FieldError> errors = new ArrayList<>();
        common(m.code(), m.language(), m.title(), errors);
        text("reply", m.reply(), errors);
        text("note", m.note(), errors);
        if (m.transferQueue() != null && !queues.contains(m.transferQueue())) {
            errors.add(new FieldError("transferQueue", "contact.validation.queue"));
        }
        if (m.wrapUpCode() != null && !wrapUpCodes.contains(m.wrapUpCode())) {
            errors.add(new FieldError("wrapUpCode", "contact.validation.wrapUpCode"));
        }
        if (m.transferQueue() != null && m.wrapUpCode() != null) {
            errors.add(new FieldError("wrapUpCode", "contact.validation.macroTwoExits"));
        }
        if (m.reply() == null && m.note() == null && m.transferQueue() == null && m.wrapUpCode() == null) {
            errors.add(new FieldError("reply", "contact.validation.macroEmpty"));
        }
        return errors;
    }

    /** The steps of a macro, its texts filled with these variables. */
    public static List<Step> steps(Macro m, Map<String, String> variables) {
        List<Step> steps = new ArrayList<>();
        if (m.reply() != null) {
            steps.add(new Reply(fill(m.reply(), variables)));
        }
        if (m.note() != null) {
            steps.add(new Note(fill(m.note(), variables)));
        }
        if (m.transferQueue() != null) {
            steps.add(new Transfer(m.transferQueue()));
        } else if (m.wrapUpCode() != null) {
            steps.add(new End(m.wrapUpCode()));
        }
        return steps;
    }

    /** The text with each known variable replaced (a missing value becomes empty); other text unchanged. */
    public static String fill(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = VARIABLES.contains(name) ? variables.getOrDefault(name, "") : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void common(String code, String language, String title, List<FieldError> errors) {
        if (code == null || !code.matches(CODE)) {
            errors.add(new FieldError("code", "contact.validation.responseCode"));
        }
        if (language == null || !LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "contact.validation.language"));
        }
        if (title == null || title.isBlank() || title.length() > 100) {
            errors.add(new FieldError("title", "contact.validation.name"));
        }
    }

    private static void text(String field, String text, List<FieldError> errors) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "contact.validation.responseText"));
            return;
        }
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                errors.add(new FieldError(field, "contact.validation.unknownVariable", matcher.group()));
                return;
            }
        }
    }
}
