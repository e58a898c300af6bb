package org.fuwu.customer;

import java.util.List;
import java.util.Set;

/**
 * What another module may know of a customer: who it is, its segment and preferential classes, and
 * its identities masked. It holds no raw identifier.
 *
 * @param id the customer's id
 * @param customerNumber the customer number shown to staff, such as {@code C00000123}
 * @param name the customer's name
 * @param segment the segment
 * @param preferentialClasses the classes served with priority, the elderly included from the birth date
 * @param homeBranchCode the home branch, or null
 * @param preferredLanguage a language tag such as {@code zh-CN}, or null
 * @param active false once the customer file is closed
 * @param identities the identities, masked
 */
public record CustomerRef(long id, String customerNumber, String name, Segment segment,
                          Set<PreferentialClass> preferentialClasses, String homeBranchCode, String preferredLanguage,
                          boolean active, List<MaskedIdentity> identities) {

    public CustomerRef {
        preferentialClasses = Set.copyOf(preferentialClasses);
        identities = List.copyOf(identities);
    }

    /** Whether the customer is served with priority (VIP or private banking, or a preferential class). */
    public boolean hasPriority() {
        return segment != Segment.ORDINARY || !preferentialClasses.isEmpty();
    }

    /** One identity of the customer, masked. */
    public record MaskedIdentity(IdentityKind kind, String masked, boolean verified) {
    }
}
