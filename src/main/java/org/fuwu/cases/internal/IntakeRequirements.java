package org.fuwu.cases.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.fuwu.platform.FieldValidationException;

/**
 * The fields each case type requires at intake (named policy, plain Java), checked at the edge with 422 naming
 * the field:
 * <ul>
 *   <li>a service request names its request kind ({@link #REQUEST_KINDS});</li>
 *   <li>a complaint forwarded by the regulator carries the regulator's reference and the date the regulator
 *       received it (not in the future, not more than a year ago);</li>
 *   <li>a complaint and praise or a suggestion may be anonymous; every other type needs a linked customer or a
 *       way to answer: a mobile number or an e-mail address;</li>
 *   <li>contact details, when given, are well formed: a mainland mobile (11 digits from 13-19) or an
 *       international one ({@code +} and 7-15 digits), an e-mail address, a name of at most 50 characters.</li>
 * </ul>
 */
public final class IntakeRequirements {

    public static final Set<String> REQUEST_KINDS = Set.of("CARD_REPLACEMENT", "STATEMENT", "ACCOUNT_CHANGE", "CERTIFICATE",
            "LOSS_REPORT", "OTHER");
    public static final Set<String> ANONYMOUS_TYPES = Set.of("COMPLAINT", "FEEDBACK");
    static final Set<String> TYPES = Set.of("INQUIRY", "SERVICE_REQUEST", "COMPLAINT", "FEEDBACK", "REGULATOR_COMPLAINT");

    private IntakeRequirements() {
    }

    /** What intake brings beyond the common fields, as typed or posted. */
    public record Details(String requestKind, String regulatorReference, LocalDate regulatorReceivedOn, String contactName,
                          String contactMobile, String contactEmail) {

        public static Details none() {
            return new Details(null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "Details[requestKind=" + requestKind + "]";
        }
    }

    /**
     * Checks a case's type-specific fields and contact details, and answers them normalised (blank as null, codes upper
     * case, the fields a type does not use dropped).
     *
     * @throws FieldValidationException naming the first field that is missing or wrong
     */
    public static Details check(String rawType, boolean hasCustomer, Details d, LocalDate today) {
        String type = rawType == null ? "" : rawType.strip().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw FieldValidationException.of("type", "cases.validation.type");
        }
        Details in = d == null ? Details.none() : d;
        String kind = null;
        if (type.equals("SERVICE_REQUEST")) {
            kind = blank(in.requestKind()) ? "" : in.requestKind().strip().toUpperCase(Locale.ROOT);
            if (!REQUEST_KINDS.contains(kind)) {
                throw FieldValidationException.of("requestKind", "cases.validation.requestKind");
            }
        }
        String ref = null;
        LocalDate regReceived = null;
        if (type.equals("REGULATOR_COMPLAINT")) {
            ref = blank(in.regulatorReference()) ? "" : in.regulatorReference().strip();
            if (!ref.matches("[\\p{L}\\p{N}()（）〔〕\\[\\]/_.#-][\\p{L}\\p{N}()（）〔〕\\[\\]/_.# -]{0,59}")) {
                throw FieldValidationException.of("regulatorReference", "cases.validation.regulatorReference");
            }
            regReceived = in.regulatorReceivedOn();
            if (regReceived == null || regReceived.isAfter(today) || regReceived.isBefore(today.minusDays(366))) {
                throw FieldValidationException.of("regulatorReceivedOn", "cases.validation.regulatorReceivedOn");
            }
        }
        String name = blank(in.contactName()) ? null : in.contactName().strip();
        if (name != null && (name.length() > 50 || name.chars().anyMatch(Character::isISOControl))) {
            throw FieldValidationException.of("contactName", "cases.validation.contactName");
        }
        String mobile = blank(in.contactMobile()) ? null : in.contactMobile().replaceAll("[\\s-]", "");
        if (mobile != null && !mobile.matches("1[3-9]\\d{9}|\\+\\d{7,15}")) {
            throw FieldValidationException.of("contactMobile", "cases.validation.contactMobile");
        }
        String email = blank(in.contactEmail()) ? null : in.contactEmail().strip();
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+"))) {
            throw FieldValidationException.of("contactEmail", "cases.validation.contactEmail");
        }
        if (!hasCustomer && !ANONYMOUS_TYPES.contains(type) && mobile == null && email == null) {
            throw FieldValidationException.of("contactMobile", "cases.validation.contactRequired");
        }
        return new Details(kind, ref, regReceived, name, mobile, email);
    }

    /** Whether a type may come without any customer or contact details. */
    public static boolean anonymousAllowed(String type) {
        return ANONYMOUS_TYPES.contains(type);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
