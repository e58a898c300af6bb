package org.fuwu.staff.internal;

import java.util.Locale;

/** A skill of the catalogue, such as {@code lang-en} or {@code loans}, named in Chinese and English. */
public record Skill(String code, String nameZh, String nameEn) {

    /** The name in the language of the locale (Chinese for zh, English otherwise). */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
