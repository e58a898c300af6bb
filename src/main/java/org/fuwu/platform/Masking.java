package org.fuwu.platform;

/** How personal data is shown by default: enough to recognise, not enough to use. */
public final class Masking {

    private Masking() {
    }

    /** {@code 13812345678} → {@code 138****5678}. */
    public static String mobile(String value) {
        return keep(value, 3, 4);
    }

    /** {@code 110101199003071234} → {@code 110***********1234}. */
    public static String idNumber(String value) {
        return keep(value, 3, 4);
    }

    /** {@code 6222021234567890123} → {@code 6222***********0123}. */
    public static String cardNumber(String value) {
        return keep(value, 4, 4);
    }

    /** {@code zhang.wei@example.com} → {@code z*******@example.com}. */
    public static String email(String value) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf('@');
        if (at <= 0) {
            return keep(value, 1, 0);
        }
        return keep(value.substring(0, at), 1, 0) + value.substring(at);
    }

    /** Any other identifier, such as a WeChat openid: the first and last 3 characters. */
    public static String opaque(String value) {
        return keep(value, 3, 3);
    }

    /** Keeps the first and last characters and stars the rest; a value too short to show is starred whole. */
    public static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int n = value.codePointCount(0, value.length());
        if (n <= head + tail) {
            return "*".repeat(n);
        }
        int[] cps = value.codePoints().toArray();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            if (i < head || i >= n - tail) {
                sb.appendCodePoint(cps[i]);
            } else {
                sb.append('*');
            }
        }
        return sb.toString();
    }
}
