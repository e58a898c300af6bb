package org.fuwu.cases.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice template and its rendering (named policy, plain Java): variables in braces, such as {@code {number}},
 * are replaced by their values; an unknown variable is refused when the template is saved (so a typo never reaches
 * a customer), and a known one without a value renders as "–". SMS texts are kept to 500 characters.
 */
public record NoticeTemplate(String kind, String channel, String language, String subject, String body) {

    public static final Set<String> KINDS = Set.of("ACKNOWLEDGEMENT", "DECISION", "REVIEW_DECISION");
    public static final Set<String> CHANNELS = Set.of("SMS", "EMAIL", "LETTER");
    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    public static final Set<String> VARIABLES = Set.of("number", "customer", "receivedDate", "dueDate", "officer", "decision",
            "reviewUntil");
    static final int SMS_MAX = 500;
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** The variables a text names that are not known, in order; empty when it is fine. */
    public static java.util.List<String> unknownVariables(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = VARIABLE.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1)) && !out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The subject and body with the values put in. */
    public Rendered render(Map<String, String> values) {
        String b = fill(body, values);
        if (channel.equals("SMS") && b.length() > SMS_MAX) {
            b = b.substring(0, SMS_MAX - 1) + "…";
        }
        return new Rendered(fill(subject, values), b);
    }

    /** A rendered notice. */
    public record Rendered(String subject, String body) {
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = VARIABLES.contains(name) ? values.get(name) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(v == null || v.isBlank() ? (VARIABLES.contains(name) ? "–" : m.group())
                    : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
