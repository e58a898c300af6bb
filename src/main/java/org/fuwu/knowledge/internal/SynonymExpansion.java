package org.fuwu.knowledge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands a query with the bank-term synonym dictionary: when a text holds a term of a group (of its language),
 * the group's other terms are added to the query. Chinese terms are found as substrings of the text (spaces
 * ignored), so "我的卡丢了怎么办" holds 卡丢了; an English term is found when each of its words is a word of the
 * text (a plural "s" allowed), in any order, so "I lost my card" holds "lost card".
 */
public final class SynonymExpansion {

    /** One group of terms that mean the same to a customer. */
    public record Group(long id, String language, List<String> terms) {

        public Group {
            terms = List.copyOf(terms);
        }
    }

    private final List<Group> groups;

    public SynonymExpansion(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** The terms to add, in dictionary order, without the ones the text already holds. */
    public List<String> expand(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        boolean zh = "zh".equals(language);
        String compact = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        Set<String> added = new LinkedHashSet<>();
        for (Group g : groups) {
            if (!g.language().equals(language)) {
                continue;
            }
            List<String> present = new ArrayList<>();
            for (String term : g.terms()) {
                if (zh ? compact.contains(term.replaceAll("\\s+", "").toLowerCase(Locale.ROOT)) : holdsWords(words, term)) {
                    present.add(term);
                }
            }
            if (!present.isEmpty()) {
                g.terms().stream().filter(t -> !present.contains(t)).forEach(added::add);
            }
        }
        return List.copyOf(added);
    }

    private static boolean holdsWords(Set<String> words, String term) {
        String[] parts = term.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        boolean any = false;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            any = true;
            if (!words.contains(p) && !words.contains(p + "s") && !words.contains(p + "es")) {
                return false;
            }
        }
        return any;
    }

    /**
     * Reads a group as an admin types it: terms separated by commas (, or ，), semicolons or new lines, trimmed,
     * blanks and repeats dropped.
     */
    public static List<String> parseTerms(String raw) {
        if (raw == null) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String t : raw.split("[,，;；、\\n\\r]+")) {
            String s = t.strip().replaceAll("\\s+", " ");
            if (!s.isEmpty()) {
                terms.add(s);
            }
        }
        return List.copyOf(terms);
    }
}
