package org.fuwu.contact.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The contact centre's settings ({@code fuwu.contact.*}).
 *
 * @param offerTimeout how long an agent has to accept an offer before it goes to someone else
 * @param afterContactWork the after-contact-work timer once an agent ends their last conversation (0: none)
 * @param routingTick how often a routing round runs anyway (ageing, relaxation, lapsed offers, other instances' work)
 * @param routingEnabled whether this instance runs routing rounds at all
 * @param vipBoost added to a VIP's priority
 * @param agePerMinute added to an item's priority for every minute it waits
 * @param languageLevel the proficiency in the conversation's language an agent needs (skill {@code lang-zh}, {@code lang-en})
 * @param defaultQueue the queue of a conversation that names no topic
 * @param maxMessageLength the longest message, in characters
 * @param anonymousStartsPerWindow how many chats one client address may start without a login per window
 * @param anonymousStartWindow that window
 * @param zone the contact centre's time zone: "today" on the wall and in reports
 * @param chatEmbedOrigins the origins of the bank's web pages that may embed the chat widget (CSP frame-ancestors),
 *        such as {@code https://www.example-bank.cn}; none: only Fuwu's own pages
 * @param bankNameZh the bank's name in canned responses ({bank}), in Chinese
 * @param bankNameEn the same in English
 */
@ConfigurationProperties("fuwu.contact")
public record ContactProperties(@DefaultValue("20s") Duration offerTimeout, @DefaultValue("15s") Duration afterContactWork,
                                @DefaultValue("1s") Duration routingTick, @DefaultValue("true") boolean routingEnabled,
                                @DefaultValue("20") int vipBoost, @DefaultValue("1") int agePerMinute,
                                @DefaultValue("3") int languageLevel, @DefaultValue("general") String defaultQueue,
                                @DefaultValue("4000") int maxMessageLength,
                                @DefaultValue("10") int anonymousStartsPerWindow,
                                @DefaultValue("1m") Duration anonymousStartWindow,
                                @DefaultValue("Asia/Shanghai") java.time.ZoneId zone,
                                @DefaultValue("") java.util.List<String> chatEmbedOrigins,
                                @DefaultValue("服务银行") String bankNameZh, @DefaultValue("Fuwu Bank") String bankNameEn) {

    public ContactProperties {
        for (String o : chatEmbedOrigins) {
            if (!o.isBlank() && !o.strip().matches("https?://[A-Za-z0-9.*-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("fuwu.contact.chat-embed-origins: not an origin: " + o);
            }
        }
    }

    public String bankName(String language) {
        return language != null && language.startsWith("en") ? bankNameEn : bankNameZh;
    }
}
