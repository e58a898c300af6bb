package org.fuwu.corebanking;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bank's core system, as Fuwu reads it. Numbers come masked; balances are for staff who serve the
 * customer, never logged.
 */
public interface CoreBanking {

    /**
     * One product of a customer.
     *
     * @param kind DEPOSIT, CARD, CREDIT_CARD, LOAN, WEALTH
     * @param name the product's name as the core system gives it, such as 活期储蓄
     * @param maskedNumber the account or card number, masked ({@code 6222********0123})
     * @param currency ISO 4217, such as CNY
     * @param balance the balance (a loan: the outstanding amount), or null when the core system gives none
     * @param status ACTIVE, BLOCKED (a lost card), DORMANT, CLOSED
     */
    record Product(String kind, String name, String maskedNumber, String currency, BigDecimal balance, String status) {
    }

    /** The products of the customer with this customer number; empty when the core system knows none. */
    List<Product> products(String customerNumber);
}
