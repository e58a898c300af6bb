package org.fuwu.platform;

import java.util.Set;

/**
 * One tile of the home-page launcher: a workspace a module offers, and the roles it is for. A
 * module declares its workspaces as beans, so the launcher only ever links to pages that exist.
 *
 * @param key a stable key; the title and description are {@code workspace.<key>.title} and {@code .description}
 * @param path the page it opens
 * @param icon a Bootstrap Icons name, such as {@code people}
 * @param order where it stands among the tiles
 */
public record Workspace(String key, String path, String icon, int order, Set<Role> roles) {

    public Workspace {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(StaffPrincipal principal) {
        return principal.hasAnyRole(roles);
    }
}
