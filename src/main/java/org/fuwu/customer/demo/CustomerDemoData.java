package org.fuwu.customer.demo;

import java.time.LocalDate;
import java.util.List;

import org.fuwu.customer.IdentityKind;
import org.fuwu.customer.internal.Channel;
import org.fuwu.customer.internal.CustomerService;
import org.fuwu.customer.internal.NewCustomer;
import org.fuwu.platform.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo bank's customers (profile {@code demo}), once: it does nothing when they are there. */
@Component
@Profile("demo")
@Order(DemoData.CUSTOMER)
class CustomerDemoData implements ApplicationRunner {

    static final long SEED = 20261123L;
    static final int COUNT = 240;
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 1);

    private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);

    private final CustomerService customers;

    CustomerDemoData(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<DemoCustomers.DemoCustomer> demo = DemoCustomers.generate(SEED, COUNT, REFERENCE);
        if (customers.customerIdOf(IdentityKind.ID_NUMBER, demo.get(0).idNumber()).isPresent()) {
            return;
        }
        int created = 0;
        for (DemoCustomers.DemoCustomer d : demo) {
            if (customers.customerIdOf(IdentityKind.ID_NUMBER, d.idNumber()).isPresent()) {
                continue;
            }
            customers.create(new NewCustomer(d.name(), d.gender(), null, d.segment(), d.flagged(), d.mobile(), d.idNumber(),
                    d.cardNumber(), d.email(), null, null, d.homeBranchCode(), d.preferredLanguage(), d.marketingConsent(),
                    Channel.BRANCH));
            created++;
        }
        log.info("Demo customers loaded: {} created", created);
    }
}
