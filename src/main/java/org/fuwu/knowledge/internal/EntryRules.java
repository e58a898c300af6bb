package org.fuwu.knowledge.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;

/**
 * What makes an entry's text acceptable, field by field, for the editor, the API and every imported row alike:
 * kind FAQ or ARTICLE, language zh or en, a question of 1 to 500 characters, at most 50 similar questions, an
 * answer with text left after sanitising (at most 20,000 characters as written), a known category, product codes,
 * at least one known channel, a validity that does not end before it starts, and an owner's login.
 */
public final class EntryRules {

    public static final Set<String> KINDS = Set.of("FAQ", "ARTICLE");

    /** An entry as written by an author (or read from an import row); lists and dates may be null. */
    public record EntryInput(String kind, String language, String category, String question, List<String> similarQuestions,
                             String answerHtml, List<String> products, List<String> channels, LocalDate validFrom,
                             LocalDate validUntil, String owner) {
    }

    /** An entry that passed: normalised, its answer sanitised. */
    public record Checked(String kind, String language, String category, String question, List<String> similarQuestions,
                          String answerHtml, List<String> products, List<String> channels, LocalDate validFrom,
                          LocalDate validUntil, String owner) {
    }

    private EntryRules() {
    }

    /**
     * Checks every field and answers all broken ones at once.
     *
     * @param prefix put before each field name, such as {@code rows[3].} for an import row; empty for the editor
     * @param defaultOwner the owner when none is given (the author)
     */
    public static Checked check(EntryInput in, String prefix, String defaultOwner, Predicate<String> categoryExists) {
        List<FieldError> errors = new ArrayList<>();
        Checked c = check(in, prefix, defaultOwner, categoryExists, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return c;
    }

    /** Like {@link #check(EntryInput, String, String, Predicate)}, adding to the caller's list instead of throwing. */
    public static Checked check(EntryInput in, String prefix, String defaultOwner, Predicate<String> categoryExists,
                                List<FieldError> errors) {
        String kind = in.kind() == null || in.kind().isBlank() ? "FAQ" : in.kind().strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            errors.add(new FieldError(prefix + "kind", "knowledge.validation.kind"));
        }
        String language = LanguageDetection.normalise(in.language());
        if (language == null) {
            errors.add(new FieldError(prefix + "language", "knowledge.validation.language"));
        }
        String question = in.question() == null ? "" : in.question().strip();
        if (question.isEmpty() || question.length() > 500) {
            errors.add(new FieldError(prefix + "question", "knowledge.validation.question"));
        }
        List<String> similar = clean(in.similarQuestions(), false);
        if (similar.size() > 50 || similar.stream().anyMatch(s -> s.length() > 500)) {
            errors.add(new FieldError(prefix + "similarQuestions", "knowledge.validation.similarQuestions"));
        }
        String raw = in.answerHtml() == null ? "" : in.answerHtml();
        String answer = AnswerSanitizer.sanitize(raw);
        if (raw.length() > 20_000 || AnswerSanitizer.plainText(answer).isEmpty()) {
            errors.add(new FieldError(prefix + "answerHtml", "knowledge.validation.answer"));
        }
        String category = in.category() == null || in.category().isBlank() ? null : in.category().strip().toUpperCase(Locale.ROOT);
        if (category != null && !categoryExists.test(category)) {
            errors.add(new FieldError(prefix + "category", "knowledge.validation.category"));
        }
        List<String> products = clean(in.products(), true);
        if (products.size() > 20 || products.stream().anyMatch(p -> !p.matches("[A-Z0-9_-]{1,40}"))) {
            errors.add(new FieldError(prefix + "products", "knowledge.validation.products"));
        }
        List<String> channels = clean(in.channels(), true);
        if (channels.isEmpty() || !KnowledgeSearch.CHANNELS.containsAll(channels)) {
            errors.add(new FieldError(prefix + "channels", "knowledge.validation.channels", String.join(", ", KnowledgeSearch.CHANNELS)));
        }
        if (in.validFrom() != null && in.validUntil() != null && in.validUntil().isBefore(in.validFrom())) {
            errors.add(new FieldError(prefix + "validUntil", "knowledge.validation.validity"));
        }
        String owner = in.owner() == null || in.owner().isBlank() ? defaultOwner : in.owner().strip().toLowerCase(Locale.ROOT);
        if (owner == null || !owner.matches("[a-z0-9][a-z0-9._/:-]{0,99}")) {
            errors.add(new FieldError(prefix + "owner", "knowledge.validation.owner"));
        }
        return new Checked(kind, language, category, question, similar, answer, products, channels, in.validFrom(),
                in.validUntil(), owner);
    }

    private static List<String> clean(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(upper ? v.strip().toUpperCase(Locale.ROOT) : v.strip());
            }
        }
        return List.copyOf(out);
    }

    /** Splits a cell of a list ("CARD, DEBIT" or one per line) into its values. */
    public static List<String> split(String cell, String separators) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : cell.split(separators)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
