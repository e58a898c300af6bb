package org.fuwu.platform.sms;

import java.util.UUID;

import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NON-PRODUCTION SMS gateway, the default ({@code fuwu.sms.gateway=logging}): nothing is sent. It logs
 * that a message would have gone out, with the number masked and without the text (which may later hold a
 * one-time code), and accepts it with an id of its own ({@code log-…}).
 */
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public SmsResult send(SmsMessage message) {
        String id = "log-" + UUID.randomUUID();
        log.info("SMS not sent (logging gateway, not for production): to={} reference={} length={} id={}",
                message.maskedTo(), message.reference(), message.text().length(), id);
        return SmsResult.accepted(id);
    }
}
