package org.fuwu.customer;

import java.util.Optional;

/**
 * The customer file as other modules see it: recognise a customer by an identity from any channel,
 * and read a customer's masked summary. Reading is not audited; nothing here unmasks.
 */
public interface CustomerDirectory {

    /**
     * The customer an identity links to. The raw value is normalised first; a malformed value finds nothing.
     *
     * @param kind the kind of identity, such as {@link IdentityKind#MOBILE}
     * @param rawValue the value as the channel gave it, such as {@code +86 138-1234-5678}
     */
    Optional<CustomerRef> findByIdentity(IdentityKind kind, String rawValue);

    /** The customer of that id, if it exists. */
    Optional<CustomerRef> find(long customerId);

    /**
     * A customer's contact address of a kind (MOBILE, EMAIL) in clear, to send them something they are owed (a
     * complaint's acknowledgement or decision), or empty when they have none. Audited as an unmasking with the
     * purpose; the caller keeps the value encrypted and never logs or shows it.
     *
     * @param purpose why, such as {@code case TS2026000123 ACKNOWLEDGEMENT notice} (5 to 500 characters)
     */
    Optional<String> contactAddress(long customerId, IdentityKind kind, String purpose);

    /** The customer of that id; throws {@link org.fuwu.platform.NotFoundException} (404) otherwise. */
    CustomerRef get(long customerId);
}
