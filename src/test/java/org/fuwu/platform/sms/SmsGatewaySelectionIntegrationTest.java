package org.fuwu.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.fuwu.platform.SmsGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which SMS gateway the configuration selects, and a clear refusal to start with an incomplete HTTP setup. */
class SmsGatewaySelectionIntegrationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(SmsConfiguration.class);

    @Test
    void withoutConfigurationTheLoggingGatewayIsTheDefault() {
        runner.run(ctx -> assertThat(ctx.getBean(SmsGateway.class)).isInstanceOf(LoggingSmsGateway.class));
    }

    @Test
    void httpIsSelectedByConfiguration() {
        runner.withPropertyValues("fuwu.sms.gateway=http", "fuwu.sms.http.url=https://sms.example.com/v1/messages",
                        "fuwu.sms.http.signing-secret=0123456789abcdef0123", "fuwu.sms.http.request-timeout=3s")
                .run(ctx -> assertThat(ctx.getBean(SmsGateway.class)).isInstanceOf(HttpSmsGateway.class));
    }

    @Test
    void httpWithoutAUrlRefusesToStartNamingTheMissingKey() {
        runner.withPropertyValues("fuwu.sms.gateway=http", "fuwu.sms.http.signing-secret=0123456789abcdef0123")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(rootMessage(ctx.getStartupFailure())).contains("fuwu.sms.http.url");
                });
    }

    @Test
    void httpWithoutASigningSecretRefusesToStart() {
        runner.withPropertyValues("fuwu.sms.gateway=http", "fuwu.sms.http.url=https://sms.example.com/v1/messages")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(rootMessage(ctx.getStartupFailure())).contains("fuwu.sms.http.signing-secret");
                });
    }

    @Test
    void anUnknownGatewayRefusesToStart() {
        runner.withPropertyValues("fuwu.sms.gateway=carrier-pigeon")
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasMessageContaining("fuwu.sms");
                });
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
