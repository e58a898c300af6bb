package org.fuwu.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks the identifiers a customer is known by. Each check is a named rule: the
 * mainland resident ID check digit (GB 11643-1999, ISO 7064 MOD 11-2), the mainland mobile number,
 * the card number's Luhn digit.
 */
public final class Identifiers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern ID18 = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern CARD = Pattern.compile("\\d{12,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Identifiers() {
    }

    /** Strips spaces and dashes and a leading +86 or 0086. */
    public static String normaliseMobile(String raw) {
        String s = stripSeparators(raw);
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        return s;
    }

    public static boolean isMobile(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches();
    }

    /** Strips spaces and upper-cases the final x. */
    public static String normaliseIdNumber(String raw) {
        return stripSeparators(raw).toUpperCase(Locale.ROOT);
    }

    /** An 18-digit mainland ID number with a real birth date and a correct check digit. */
    public static boolean isIdNumber(String normalised) {
        if (normalised == null || !ID18.matcher(normalised).matches()) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(normalised.substring(6, 10)),
                    Integer.parseInt(normalised.substring(10, 12)), Integer.parseInt(normalised.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return idCheckDigit(normalised.substring(0, 17)) == normalised.charAt(17);
    }

    /** The check digit of the first 17 digits of an ID number. */
    public static char idCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }

    /** The birth date an ID number carries. */
    public static LocalDate birthDateOf(String idNumber) {
        return LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)), Integer.parseInt(idNumber.substring(10, 12)),
                Integer.parseInt(idNumber.substring(12, 14)));
    }

    public static String normaliseCard(String raw) {
        return stripSeparators(raw);
    }

    /** 12 to 19 digits with a correct Luhn check digit. */
    public static boolean isCardNumber(String normalised) {
        if (normalised == null || !CARD.matcher(normalised).matches()) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = normalised.length() - 1; i >= 0; i--) {
            int d = normalised.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    public static String normaliseEmail(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isEmail(String normalised) {
        return normalised != null && normalised.length() <= 254 && EMAIL.matcher(normalised).matches();
    }

    private static String stripSeparators(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s-]", "");
    }
}
