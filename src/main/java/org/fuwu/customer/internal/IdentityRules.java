package org.fuwu.customer.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.Identifiers;

/**
 * Checks identity values at the edge of the customer file: each value is normalised, then checked
 * for its kind (mainland ID check digit, mainland mobile format, card Luhn digit, e-mail form). A bad
 * value is refused with an error that names its field, never with the value itself.
 */
public final class IdentityRules {

    private IdentityRules() {
    }

    /** A value normalised and checked. */
    public record Checked(IdentityKind kind, String value) {
    }

    /** The message key that explains a malformed value of a kind. */
    public static String messageKey(IdentityKind kind) {
        return switch (kind) {
            case MOBILE -> "validation.mobile";
            case ID_NUMBER -> "validation.idNumber";
            case CARD_NUMBER -> "validation.cardNumber";
            case EMAIL -> "validation.email";
            case WECHAT_OPENID -> "customer.validation.wechatOpenId";
            case APP_USER_ID -> "customer.validation.appUserId";
        };
    }

    /** The normalised value, or empty when the raw value is blank; a malformed error otherwise. */
    public static Optional<Checked> check(IdentityKind kind, String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String normalised = kind.normalise(raw);
        if (!kind.isValid(normalised)) {
            errors.add(new FieldError(field, messageKey(kind)));
            return Optional.empty();
        }
        return Optional.of(new Checked(kind, normalised));
    }

    /** The normalised value of one required field; throws a 422 naming the field when it is malformed. */
    public static Checked require(IdentityKind kind, String raw, String field) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Checked> checked = check(kind, raw, field, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return checked.orElseThrow(() -> FieldValidationException.of(field, "validation.NotBlank"));
    }

    /** The gender an ID number states: its 17th digit is odd for a man, even for a woman. */
    public static Gender genderOf(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The birth date an ID number states. */
    public static LocalDate birthDateOf(String idNumber) {
        return Identifiers.birthDateOf(idNumber);
    }
}
