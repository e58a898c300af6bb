package org.fuwu.platform.sms;

import java.time.Clock;

import org.fuwu.platform.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link SmsGateway} that {@code fuwu.sms.gateway} names (see {@link SmsProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsGateway smsGateway(SmsProperties properties, Clock clock) {
        return switch (properties.gateway()) {
            case HTTP -> {
                // the host only: a URL may carry credentials in its user info or query
                log.info("SMS gateway: HTTP to host {}", properties.http().url().getHost());
                yield new HttpSmsGateway(properties.http(), clock);
            }
            case LOGGING -> {
                log.warn("SMS gateway: logging only (fuwu.sms.gateway=logging): no SMS leaves this instance");
                yield new LoggingSmsGateway();
            }
        };
    }
}
