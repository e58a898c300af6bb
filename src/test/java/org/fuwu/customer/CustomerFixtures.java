package org.fuwu.customer;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Set;

import org.fuwu.platform.Identifiers;
import org.fuwu.platform.Role;
import org.fuwu.platform.Scope;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The customer module's test fixture: staff principals of a role, and fresh identity values that no
 * other test (nor the demo data, nor an earlier run on PostgreSQL) uses.
 */
public final class CustomerFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CustomerFixtures() {
    }

    /** A staff member holding one role, bank-wide. */
    public static StaffPrincipal staff(Role role) {
        return staff(role, Scope.bank());
    }

    public static StaffPrincipal staff(Role role, Scope scope) {
        String name = "cust-test-" + role.name().toLowerCase();
        return new StaffPrincipal(900_000 + role.ordinal(), name, "Test " + role.name(), Set.of(role), scope, null);
    }

    /** Authenticates a MockMvc request as that staff member. */
    public static RequestPostProcessor as(StaffPrincipal principal) {
        var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authentication(new UsernamePasswordAuthenticationToken(principal, null, authorities));
    }

    public static RequestPostProcessor as(Role role) {
        return as(staff(role));
    }

    /** A mobile number in the 147 range, which the demo data do not use. */
    public static String mobile() {
        return "147" + digits(8);
    }

    /** A valid ID number of Hongkou, Shanghai (310109), which the demo data do not use. */
    public static String idNumber() {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(RANDOM.nextInt(50 * 365));
        String first17 = "310109" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + digits(3);
        return first17 + Identifiers.idCheckDigit(first17);
    }

    /** The same ID number with a wrong check digit. */
    public static String withWrongCheckDigit(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + wrong;
    }

    /** A valid 19-digit card number of the 621700 range. */
    public static String cardNumber() {
        String body = "621700" + digits(12);
        for (int d = 0; d <= 9; d++) {
            if (Identifiers.isCardNumber(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException();
    }

    public static String email() {
        return "cust.test." + digits(10) + "@example.com";
    }

    /** A name nobody else has, to find a customer by. */
    public static String uniqueName(String base) {
        return base + digits(6);
    }

    private static String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }
}
