package org.fuwu.staff.internal;

import java.util.Optional;

import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.security.StaffCredentials;
import org.springframework.stereotype.Component;

/** The platform's password login reads staff accounts through this port. */
@Component
class StaffCredentialsAdapter implements StaffCredentials {

    private final StaffAccountRepository accounts;
    private final StaffScopes scopes;

    StaffCredentialsAdapter(StaffAccountRepository accounts, StaffScopes scopes) {
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @Override
    public Optional<StaffLogin> findForLogin(String username) {
        return accounts.findForLogin(username)
                .map(r -> new StaffLogin(principalOf(r.account(), scopes, null), r.passwordHash(), r.account().enabled()));
    }

    static StaffPrincipal principalOf(StaffAccount a, StaffScopes scopes, String tokenName) {
        return new StaffPrincipal(a.id(), a.username(), a.displayName(), a.roles(),
                scopes.resolve(a.scopeLevel(), a.scopeCode()), tokenName);
    }
}
