package org.fuwu.staff.internal;

import java.util.List;
import java.util.Map;

import org.fuwu.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a production install, which has no demo accounts: when
 * {@code fuwu.bootstrap.admin-username} and {@code -password} are set and no enabled ADMIN account
 * exists, that account is created (bank-wide, the usual password policy, audited). Once an admin
 * exists the settings do nothing, and should be removed.
 */
@Component
@EnableConfigurationProperties(StaffBootstrap.BootstrapProperties.class)
@Order(Integer.MIN_VALUE + 100)
class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);

    /**
     * @param adminUsername the first admin's username
     * @param adminPassword its password (at least the usual policy)
     * @param adminDisplayName its display name
     */
    @ConfigurationProperties("fuwu.bootstrap")
    record BootstrapProperties(String adminUsername, String adminPassword, String adminDisplayName) {
    }

    private final BootstrapProperties props;
    private final StaffAccountService accounts;
    private final JdbcClient jdbc;

    StaffBootstrap(BootstrapProperties props, StaffAccountService accounts, JdbcClient jdbc) {
        this.props = props;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (props.adminUsername() == null || props.adminUsername().isBlank()) {
            return;
        }
        if (enabledAdmins() > 0) {
            log.info("fuwu.bootstrap.admin-username is set, but an administrator exists already: nothing to do");
            return;
        }
        String name = props.adminDisplayName() == null || props.adminDisplayName().isBlank() ? "Administrator" : props.adminDisplayName();
        accounts.create(new StaffAccountService.CreateCommand(props.adminUsername(), name, null, props.adminPassword(),
                List.of(Role.ADMIN.name()), "BANK", null, Map.of(), true));
        log.info("Created the bootstrap administrator '{}'. Remove fuwu.bootstrap.* from the configuration now.",
                StaffAccountRepository.normalise(props.adminUsername()));
    }

    long enabledAdmins() {
        return jdbc.sql("""
                select count(*) from staff_account a join staff_account_role r on r.account_id = a.id
                where r.role = 'ADMIN' and a.enabled""").query(Long.class).single();
    }
}
