package org.fuwu.queueing.live;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the live lobby feeds and the display board ({@code fuwu.queueing.board.*}).
 *
 * @param calls how many recent calls the board shows; default 8
 * @param heartbeat how often a heartbeat comment keeps idle streams open; default 15 s
 * @param poll how often each instance reads the feed table for the branches it has listeners for,
 *        so that changes made on another instance reach its boards; default 500 ms
 * @param streamTimeout how long one stream lives before the server ends it (the browser reconnects
 *        with Last-Event-ID); default 30 min
 * @param replayLimit how many feed rows are read at once when a client catches up; default 200
 * @param lookBack how far back each poll re-reads the feed for rows that committed after a row with a
 *        higher id had already been sent (ids are taken before commit, so commits can come out of id
 *        order); such a late row is sent then, and clients drop ids they have had; default 10 s
 * @param noticesZh the information ticker's texts in Chinese
 * @param noticesEn the information ticker's texts in English
 */
@ConfigurationProperties("fuwu.queueing.board")
public record BoardProperties(Integer calls, Duration heartbeat, Duration poll, Duration streamTimeout,
                              Integer replayLimit, Duration lookBack, List<String> noticesZh, List<String> noticesEn) {

    public BoardProperties {
        calls = calls == null ? 8 : calls;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        poll = poll == null ? Duration.ofMillis(500) : poll;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        replayLimit = replayLimit == null ? 200 : replayLimit;
        lookBack = lookBack == null ? Duration.ofSeconds(10) : lookBack;
        noticesZh = noticesZh == null || noticesZh.isEmpty() ? List.of(
                "欢迎光临！请留意叫号，过号请到大堂经理处重新取号。",
                "大额现金业务请提前一天预约。",
                "谨防电信诈骗：银行工作人员不会向您索要密码或验证码。",
                "本网点提供外币兑换、理财咨询和自助服务。") : List.copyOf(noticesZh);
        noticesEn = noticesEn == null || noticesEn.isEmpty() ? List.of(
                "Welcome! Please listen for your number; if you miss it, see the lobby manager.",
                "Large cash withdrawals need an appointment one day ahead.",
                "Beware of fraud: bank staff never ask for your password or verification code.",
                "This branch offers foreign exchange, wealth advice and self-service machines.") : List.copyOf(noticesEn);
    }

    /** The ticker's texts for a locale. */
    public List<String> notices(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) ? noticesZh : noticesEn;
    }
}
