package org.fuwu.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.fuwu.platform.AccessRule;
import org.fuwu.platform.AccessRule.AccessRules;

/** The access policy table: every module's rows, in a stable order (each module's own order kept). */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static List<AccessRule> union(List<AccessRules> modules) {
        List<AccessRule> all = new ArrayList<>();
        modules.forEach(m -> all.addAll(m.rules()));
        return List.copyOf(all);
    }
}
