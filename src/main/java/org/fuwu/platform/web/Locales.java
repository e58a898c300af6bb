package org.fuwu.platform.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** The two languages of Fuwu, and the choice of one from what a browser asks for. */
public final class Locales {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(ZH_CN, EN);

    private Locales() {
    }

    /** The first supported language among those asked for, in order; English when none is. */
    public static Locale pick(Enumeration<Locale> asked) {
        while (asked != null && asked.hasMoreElements()) {
            Locale l = asked.nextElement();
            if ("zh".equals(l.getLanguage())) {
                return ZH_CN;
            }
            if ("en".equals(l.getLanguage())) {
                return EN;
            }
        }
        return EN;
    }

    /** A supported locale from a tag such as {@code zh-CN} or {@code en}; null when it is not one. */
    public static Locale parse(String tag) {
        if (tag == null) {
            return null;
        }
        Locale l = Locale.forLanguageTag(tag.replace('_', '-'));
        return switch (l.getLanguage()) {
            case "zh" -> ZH_CN;
            case "en" -> EN;
            default -> null;
        };
    }
}
