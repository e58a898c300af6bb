package org.fuwu.cases.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The transparent keyword baseline of the suggested classification (named policy, plain Java): each code
 * of a kind scores one point per keyword of its list found in the text (case-insensitive); the highest score
 * wins (ties: the first code), and the suggestion names the keywords it matched, so the officer sees why.
 * No keyword found: no suggestion. The knowledge module's classifier replaces it when present (issue 6).
 */
public final class KeywordClassifier {

    private KeywordClassifier() {
    }

    /** A code with its keywords. */
    public record Code(String code, String nameZh, String nameEn, List<String> keywords) {
    }

    /** A suggested code and the keywords that chose it. */
    public record Suggestion(String code, String nameZh, String nameEn, List<String> matched) {
    }

    public static Optional<Suggestion> suggest(String text, List<Code> codes) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.toLowerCase(Locale.ROOT);
        Suggestion best = null;
        for (Code c : codes) {
            List<String> matched = new ArrayList<>();
            for (String k : c.keywords()) {
                String kw = k.strip().toLowerCase(Locale.ROOT);
                if (!kw.isEmpty() && t.contains(kw)) {
                    matched.add(k.strip());
                }
            }
            if (!matched.isEmpty() && (best == null || matched.size() > best.matched().size())) {
                best = new Suggestion(c.code(), c.nameZh(), c.nameEn(), List.copyOf(matched));
            }
        }
        return Optional.ofNullable(best);
    }

    static List<Code> sorted(List<Code> codes) {
        return codes.stream().sorted(Comparator.comparing(Code::code)).toList();
    }
}
