package org.fuwu.customer.web;

import java.util.EnumSet;
import java.util.Set;

import org.fuwu.platform.Role;

/**
 * Who may do what with the customer file. The access rules are built from these sets, and the pages
 * use them only to hide buttons a user could not use anyway.
 *
 * <ul>
 * <li>read (masked): staff who serve customers or handle their complaints and alerts, plus the
 * quality manager, who reviews service given to named customers; not analysts or auditors, who work
 * on aggregates and the audit log and need no individual customer;</li>
 * <li>maintain (create, update, link identities): front-line staff and the admin;</li>
 * <li>consent (grant or withdraw): those, plus the complaint officer, since customers often withdraw
 * marketing consent in a complaint;</li>
 * <li>unmask (with a reason, audited): staff who must reach or verify the customer; not the quality manager.</li>
 * </ul>
 */
public final class CustomerPermissions {

    public static final Set<Role> MAINTAIN = Set.copyOf(EnumSet.of(Role.ADMIN, Role.TELLER, Role.LOBBY_MANAGER, Role.AGENT,
            Role.SUPERVISOR));
    public static final Set<Role> CONSENT = union(MAINTAIN, Role.COMPLAINT_OFFICER);
    public static final Set<Role> UNMASK = union(MAINTAIN, Role.COMPLAINT_OFFICER, Role.RISK_ANALYST);
    public static final Set<Role> READ = union(UNMASK, Role.QUALITY_MANAGER);

    private CustomerPermissions() {
    }

    private static Set<Role> union(Set<Role> base, Role... more) {
        EnumSet<Role> out = EnumSet.copyOf(base);
        out.addAll(Set.of(more));
        return Set.copyOf(out);
    }

    static Role[] array(Set<Role> roles) {
        return roles.toArray(Role[]::new);
    }
}
