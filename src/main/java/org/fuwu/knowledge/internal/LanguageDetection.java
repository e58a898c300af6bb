package org.fuwu.knowledge.internal;

import java.util.Locale;

/**
 * Tells Chinese from English by the share of CJK (Han) characters among the letters of a text: at least
 * {@value #CJK_SHARE} of them and the text is Chinese ({@code zh}), otherwise English ({@code en}). A text with no
 * letters at all (digits, punctuation) takes the caller's language, and Chinese when that is unknown too. A rough
 * rule, but the only two languages of the knowledge base are far apart in script; "我的ATM卡丢了" is zh, "lost my
 * card 挂失" is en (2 of 12).
 */
public final class LanguageDetection {

    /** The share of Han characters among all letters from which a text counts as Chinese. */
    public static final double CJK_SHARE = 0.3;

    private LanguageDetection() {
    }

    public static String detect(String text, String fallback) {
        int han = 0;
        int latin = 0;
        if (text != null) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                } else {
                    latin++;
                }
            }
        }
        if (han + latin == 0) {
            String given = normalise(fallback);
            return given == null ? "zh" : given;
        }
        return (double) han / (han + latin) >= CJK_SHARE ? "zh" : "en";
    }

    /** {@code zh} for zh, zh-CN, zh_CN, zh-Hans…; {@code en} for en, en-US…; null for anything else. */
    public static String normalise(String language) {
        if (language == null) {
            return null;
        }
        String l = language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (l.equals("zh") || l.startsWith("zh-")) {
            return "zh";
        }
        if (l.equals("en") || l.startsWith("en-")) {
            return "en";
        }
        return null;
    }
}
