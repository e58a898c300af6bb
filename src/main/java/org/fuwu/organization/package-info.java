/**
 * The bank's organisation: regions, branches, their service zones, counters and opening hours.
 *
 * <p>Its API is {@link org.fuwu.organization.Branches} (with {@link org.fuwu.organization.BranchSummary});
 * it also implements the platform's {@link org.fuwu.platform.BranchDirectory} port. Everything else
 * sits in the {@code internal} and {@code web} sub-packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization", allowedDependencies = {"platform"})
package org.fuwu.organization;
