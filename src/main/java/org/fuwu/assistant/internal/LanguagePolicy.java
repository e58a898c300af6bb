package org.fuwu.assistant.internal;

/**
 * Which language a text is in, for choosing the embedding model and the tokenizer: Chinese when at least
 * {@link #CJK_SHARE} of its letters (CJK ideographs plus Latin letters; digits, spaces and punctuation do not
 * count) are CJK ideographs, otherwise English. A text with no letters is English.
 */
public final class LanguagePolicy {

    public static final double CJK_SHARE = 0.3;

    public enum Language { ZH, EN }

    private LanguagePolicy() {
    }

    public static Language of(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
                letters++;
            } else if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return letters > 0 && cjk >= CJK_SHARE * letters ? Language.ZH : Language.EN;
    }

    /** An explicit language from the caller ({@code zh}, {@code zh-CN}, {@code en}…) wins; otherwise detect. */
    public static Language of(String text, String requested) {
        if (requested != null && !requested.isBlank()) {
            String r = requested.trim().toLowerCase();
            if (r.startsWith("zh")) {
                return Language.ZH;
            }
            if (r.startsWith("en")) {
                return Language.EN;
            }
        }
        return of(text);
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN;
    }
}
