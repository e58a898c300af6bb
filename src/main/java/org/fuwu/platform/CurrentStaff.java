package org.fuwu.platform;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the acting staff member from the security context, and checks branch scope. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    public static StaffPrincipal get() {
        return find().orElseThrow(() -> new AccessDeniedException("no staff member is logged in"));
    }

    /** The scope of the acting staff member; the whole bank for system work without a login (jobs, demo data). */
    public static Scope scope() {
        return find().map(StaffPrincipal::scope).orElse(Scope.bank());
    }

    /** Throws 403 unless the acting staff member may see that branch. */
    public static void requireBranch(String branchCode) {
        if (!scope().coversBranch(branchCode)) {
            throw new AccessDeniedException("branch " + branchCode + " is outside the caller's scope");
        }
    }

    /** The name to write into the audit log: the staff member, or {@code system}. */
    public static String auditName() {
        return find().map(StaffPrincipal::auditName).orElse("system");
    }
}
