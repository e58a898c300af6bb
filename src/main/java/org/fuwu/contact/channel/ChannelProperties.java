package org.fuwu.contact.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels' settings ({@code fuwu.contact.channels.*}). A channel whose secrets are not set is
 * off: its webhook answers 404 and nothing is sent on it.
 *
 * @param sms the SMS webhook and replies
 * @param wechat the WeChat Official Account
 * @param email the mailbox
 */
@ConfigurationProperties("fuwu.contact.channels")
public record ChannelProperties(@DefaultValue Sms sms, @DefaultValue WeChat wechat, @DefaultValue Email email) {

    /**
     * @param webhookSecret the HMAC-SHA256 key the SMS gateway signs inbound messages with (at least 16 characters)
     * @param maxSkew how far a request's timestamp may be from now (replays older than this are refused)
     */
    public record Sms(String webhookSecret, @DefaultValue("5m") Duration maxSkew) {
        public boolean enabled() {
            return webhookSecret != null && webhookSecret.length() >= 16;
        }
    }

    /**
     * @param token the token configured in the Official Account's server settings (signature check)
     * @param appId the account's AppID
     * @param appSecret the account's AppSecret (for the access token of the customer-service message API)
     * @param apiBaseUrl WeChat's API (a proxy or a test server may stand in)
     * @param welcomeZh the passive reply to a new follower, in Chinese
     * @param welcomeEn the same in English
     */
    public record WeChat(String token, String appId, String appSecret,
                         @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
                         @DefaultValue("您好，欢迎关注！直接发送消息即可联系在线客服。") String welcomeZh,
                         @DefaultValue("Welcome! Send us a message to reach our service team.") String welcomeEn) {
        public boolean enabled() {
            return token != null && !token.isBlank();
        }

        public boolean canSend() {
            return enabled() && appId != null && !appId.isBlank() && appSecret != null && !appSecret.isBlank();
        }
    }

    /**
     * @param address the service mailbox's address (From of replies, and the IMAP login by default)
     * @param smtpHost SMTP server; empty: the e-mail channel is off
     * @param smtpPort its port
     * @param imapHost IMAP server (polled for new mail)
     * @param imapPort its port
     * @param username the login of both (empty: the address)
     * @param password the password of both
     * @param ssl SMTPS and IMAPS (implicit TLS) instead of plain connections
     * @param folder the folder polled
     * @param poll how often the folder is read
     */
    public record Email(String address, String smtpHost, @DefaultValue("587") int smtpPort, String imapHost,
                        @DefaultValue("993") int imapPort, String username, String password,
                        @DefaultValue("true") boolean ssl, @DefaultValue("INBOX") String folder,
                        @DefaultValue("30s") Duration poll) {
        public boolean enabled() {
            return address != null && !address.isBlank() && smtpHost != null && !smtpHost.isBlank();
        }

        public boolean polls() {
            return enabled() && imapHost != null && !imapHost.isBlank();
        }

        public String login() {
            return username == null || username.isBlank() ? address : username;
        }
    }
}
