package org.fuwu.assistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Terms for the lexical (BM25) vote: Chinese ideographs as single characters and overlapping pairs (no
 * dictionary needed); other text as lower-case words with a light English suffix stripping, stop words dropped.
 */
public final class Tokens {

    private static final Set<String> STOP = Set.of("a", "an", "the", "i", "my", "me", "to", "is", "it", "of", "do",
            "and", "or", "in", "on", "for", "can", "be", "you", "your", "this", "that", "with", "am", "was", "are",
            "的", "了", "吗", "呢", "我", "是", "么", "吧", "啊");

    private Tokens() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int prevHan = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (LanguagePolicy.isCjk(cp)) {
                flush(word, out);
                String ch = new String(Character.toChars(cp));
                if (!STOP.contains(ch)) {
                    out.add(ch);
                }
                if (prevHan >= 0) {
                    out.add(new String(Character.toChars(prevHan)) + ch);
                }
                prevHan = cp;
            } else {
                prevHan = -1;
                if (Character.isLetterOrDigit(cp)) {
                    word.appendCodePoint(cp);
                } else if (cp != '\'') {
                    flush(word, out);
                }
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() == 0) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (STOP.contains(w)) {
            return;
        }
        out.add(stem(w));
    }

    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
