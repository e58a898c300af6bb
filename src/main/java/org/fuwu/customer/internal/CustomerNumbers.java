package org.fuwu.customer.internal;

import java.util.regex.Pattern;

/** Customer numbers: {@code C} and eight digits, such as {@code C00000123}. */
public final class CustomerNumbers {

    private static final Pattern FORMAT = Pattern.compile("C\\d{8}");

    private CustomerNumbers() {
    }

    public static String format(long sequence) {
        if (sequence < 1 || sequence > 99_999_999L) {
            throw new IllegalArgumentException("customer number sequence out of range: " + sequence);
        }
        return String.format("C%08d", sequence);
    }

    public static boolean isCustomerNumber(String s) {
        return s != null && FORMAT.matcher(s).matches();
    }
}
