package org.fuwu.customer;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.fuwu.platform.Identifiers;
import org.fuwu.platform.Masking;

/**
 * The kinds of identity that link a channel to a customer. Each kind knows how its values are
 * normalised, checked and masked, and the request field that carries it.
 */
public enum IdentityKind {

    MOBILE("mobile", Identifiers::normaliseMobile, Identifiers::isMobile, Masking::mobile),
    ID_NUMBER("idNumber", Identifiers::normaliseIdNumber, Identifiers::isIdNumber, Masking::idNumber),
    CARD_NUMBER("cardNumber", Identifiers::normaliseCard, Identifiers::isCardNumber, Masking::cardNumber),
    EMAIL("email", Identifiers::normaliseEmail, Identifiers::isEmail, Masking::email),
    WECHAT_OPENID("wechatOpenId", IdentityKind::trim, Patterns.OPENID.asMatchPredicate(), Masking::opaque),
    APP_USER_ID("appUserId", IdentityKind::trim, Patterns.APP_USER.asMatchPredicate(), Masking::opaque);

    private final String field;
    private final UnaryOperator<String> normaliser;
    private final Predicate<String> validator;
    private final UnaryOperator<String> masker;

    IdentityKind(String field, UnaryOperator<String> normaliser, Predicate<String> validator, UnaryOperator<String> masker) {
        this.field = field;
        this.normaliser = normaliser;
        this.validator = validator;
        this.masker = masker;
    }

    /** The name of the request field that carries a value of this kind, such as {@code idNumber}. */
    public String field() {
        return field;
    }

    /** The canonical form that is encrypted and indexed: separators stripped, case folded where it does not matter. */
    public String normalise(String raw) {
        return raw == null ? null : normaliser.apply(raw);
    }

    /** Whether a normalised value is well formed (check digits included). */
    public boolean isValid(String normalised) {
        return normalised != null && !normalised.isEmpty() && validator.test(normalised);
    }

    /** The masked form shown by default, such as {@code 138****5678}. */
    public String mask(String normalised) {
        return masker.apply(normalised);
    }

    /** The kind name under which the blind index is computed, so that equal values of two kinds differ. */
    public String indexKind() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose request field is named so, if any. */
    public static java.util.Optional<IdentityKind> ofField(String field) {
        for (IdentityKind k : values()) {
            if (k.field.equals(field)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }

    private static String trim(String raw) {
        return raw.strip();
    }

    private static final class Patterns {
        static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{6,64}");
        static final Pattern APP_USER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    }
}
