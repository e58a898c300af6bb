package org.fuwu.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fuwu.platform.security.StaffPasswordLogin;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A production start: a configured database (its own, empty), configured keys, no demo profile.
 * No demo account, no demo customer and no generated key exist; the bootstrap admin is created
 * from configuration and can log in.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:production-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "fuwu.data-dir=target/production-start",
        "fuwu.crypto.data-keys.v1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "fuwu.crypto.index-key=HxwdGhsYGRYXFBUSExAREg8ODQwLCgkIBwYFBAMCAQA=",
        "fuwu.bootstrap.admin-username=RootAdmin",
        "fuwu.bootstrap.admin-password=Correct-Horse-42",
        "fuwu.bootstrap.admin-display-name=首任管理员"})
class ProductionStartIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffPasswordLogin login;

    @Test
    void noDemoDataOnlyTheBootstrapAdminWhoCanLogIn() {
        assertThat(jdbc.sql("select username from staff_account").query(String.class).list()).containsExactly("rootadmin");
        assertThat(jdbc.sql("select count(*) from customer").query(Long.class).single()).isZero();
        assertThat(Files.exists(Path.of("target/production-start/keys"))).isFalse();

        StaffPrincipal admin = (StaffPrincipal) login.login("rootadmin", "Correct-Horse-42").getPrincipal();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.scope().isBankWide()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'staff.account.create' and actor = 'system'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
