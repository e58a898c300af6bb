package org.fuwu.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.PreferentialClass;
import org.fuwu.customer.Segment;

/**
 * A customer as staff see it by default: identities masked, and the age rather than the birth date
 * (which the masked ID number hides too).
 *
 * @param preferentialClasses the classes in force (the elderly by age included)
 * @param flaggedClasses the classes staff flagged
 */
public record CustomerView(long id, String customerNumber, String name, Gender gender, Integer age, Segment segment,
                           Set<PreferentialClass> preferentialClasses, Set<PreferentialClass> flaggedClasses,
                           String homeBranchCode, String preferredLanguage, boolean marketingConsent, CustomerStatus status,
                           long version, Instant createdAt, Instant updatedAt, List<IdentityView> identities) {

    public CustomerView {
        preferentialClasses = Set.copyOf(preferentialClasses);
        flaggedClasses = Set.copyOf(flaggedClasses);
        identities = List.copyOf(identities);
    }

    /** The first masked value of a kind, or null. */
    public String masked(IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).map(IdentityView::masked).findFirst().orElse(null);
    }

    public boolean active() {
        return status == CustomerStatus.ACTIVE;
    }
}
