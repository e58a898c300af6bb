package org.fuwu.platform;

/**
 * The port to the bank's SMS gateway (短信网关): the lobby's "almost your turn" message today, the
 * contact centre's outbound SMS and one-time codes later.
 *
 * <p>Which implementation runs is configuration ({@code fuwu.sms.gateway}): {@code logging} (the default,
 * for development and the demo: nothing leaves the machine, the log names the masked number) or
 * {@code http} (a JSON POST signed with HMAC-SHA256 to {@code fuwu.sms.http.url}). Implementations never
 * write the recipient's number or the text to a log.
 */
public interface SmsGateway {

    /**
     * Sends one message and says what became of it. Blocks for at most the gateway's configured timeouts
     * and retries; never throws for a rejected or failed message (the {@link SmsResult} says so), so that a
     * caller can record the outcome. Call it outside a database transaction.
     */
    SmsResult send(SmsMessage message);
}
