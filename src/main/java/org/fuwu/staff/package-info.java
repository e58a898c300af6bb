/**
 * Staff: employees' accounts, their roles and branch/region/bank scope, skills with proficiency,
 * API tokens for machine clients and bearer tokens for staff. Implements the platform's security
 * ports {@link org.fuwu.platform.security.StaffCredentials} and
 * {@link org.fuwu.platform.security.BearerTokenVerifier}; resolves region scopes through the
 * platform port {@link org.fuwu.platform.BranchDirectory}, so it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff", allowedDependencies = {"platform"})
package org.fuwu.staff;
