package org.fuwu.customer.web;

import java.util.List;
import java.util.Optional;

import org.fuwu.customer.IdentityKind;

/** Which kind of identity a value typed in the one search box is: ID number, mobile, card or e-mail. */
final class IdentifierGuess {

    private static final List<IdentityKind> ORDER = List.of(IdentityKind.ID_NUMBER, IdentityKind.MOBILE,
            IdentityKind.CARD_NUMBER, IdentityKind.EMAIL);

    private IdentifierGuess() {
    }

    static Optional<IdentityKind> kindOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return ORDER.stream().filter(k -> k.isValid(k.normalise(raw))).findFirst();
    }
}
