package org.fuwu.customer.internal;

import java.util.Optional;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.springframework.stereotype.Service;

/** The customer file's API for other modules, masked. */
@Service
class CustomerDirectoryService implements CustomerDirectory {

    private final CustomerService customers;

    CustomerDirectoryService(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public Optional<CustomerRef> findByIdentity(IdentityKind kind, String rawValue) {
        return customers.customerIdOf(kind, rawValue).flatMap(customers::find).map(CustomerDirectoryService::ref);
    }

    @Override
    public Optional<CustomerRef> find(long customerId) {
        return customers.find(customerId).map(CustomerDirectoryService::ref);
    }

    @Override
    public Optional<String> contactAddress(long customerId, IdentityKind kind, String purpose) {
        return customers.unmask(customerId, purpose, java.util.Set.of(kind)).stream().findFirst()
                .map(org.fuwu.customer.internal.UnmaskedIdentity::value);
    }

    @Override
    public CustomerRef get(long customerId) {
        return ref(customers.get(customerId));
    }

    static CustomerRef ref(CustomerView v) {
        return new CustomerRef(v.id(), v.customerNumber(), v.name(), v.segment(), v.preferentialClasses(),
                v.homeBranchCode(), v.preferredLanguage(), v.active(),
                v.identities().stream().map(i -> new CustomerRef.MaskedIdentity(i.kind(), i.masked(), i.verified())).toList());
    }
}
