package org.fuwu.contact.channel;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.ChannelIntake;
import org.fuwu.contact.internal.ChannelSender;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeChat Official Account (微信公众号), as WeChat's developer documentation specifies it:
 * <ul>
 *   <li>the server URL check: {@code GET ?signature&timestamp&nonce&echostr} answers {@code echostr} when the
 *       signature (SHA-1 of token, timestamp and nonce sorted) is right;</li>
 *   <li>messages: {@code POST} XML signed the same way; a text message (MsgId, FromUserName = the openid,
 *       Content) joins the follower's conversation and is answered {@code success} (the agent answers later);
 *       a {@code subscribe} event gets a passive text reply (the welcome);</li>
 *   <li>replies: the customer-service message API ({@code /cgi-bin/message/custom/send}) with an access token
 *       from {@code /cgi-bin/token}, cached until shortly before it expires, at {@code api-base-url}.</li>
 * </ul>
 * XML is parsed with DTDs and external entities disabled.
 */
@RestController
@Tag(name = "Contact channels")
class WeChatChannel implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(WeChatChannel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelIntake intake;
    private final ChannelProperties.WeChat properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile String accessToken;
    private volatile Instant tokenExpires = Instant.EPOCH;

    WeChatChannel(ChannelIntake intake, ChannelProperties properties, Clock clock) {
        this.intake = intake;
        this.properties = properties.wechat();
        this.clock = clock;
    }

    private void check(String signature, String timestamp, String nonce) {
        if (!properties.enabled()) {
            throw new NotFoundException("channel", "wechat");
        }
        if (timestamp == null || nonce == null
                || !Signatures.same(Signatures.wechatSignature(properties.token(), timestamp, nonce), signature)) {
            throw new BadSignatureException();
        }
    }

    @GetMapping(path = "/api/v1/channels/wechat", produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        check(signature, timestamp, nonce);
        return echostr == null ? "" : echostr;
    }

    @PostMapping(path = "/api/v1/channels/wechat", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> message(@RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce, @RequestBody byte[] body) {
        check(signature, timestamp, nonce);
        Map<String, String> m = parse(body);
        String type = m.getOrDefault("MsgType", "");
        String openid = m.get("FromUserName");
        String account = m.get("ToUserName");
        if (openid == null || account == null) {
            throw FieldValidationException.of("FromUserName", "contact.validation.address");
        }
        if (type.equals("text")) {
            String id = m.get("MsgId");
            intake.receive(new ChannelIntake.Inbound(ContactChannel.WECHAT, IdentityKind.WECHAT_OPENID, openid,
                    id == null ? openid + ":" + m.get("CreateTime") : id, m.get("Content"), null, List.of()));
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
        }
        if (type.equals("event") && "subscribe".equalsIgnoreCase(m.get("Event"))) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                    .body(passiveText(openid, account, properties.welcomeZh(), clock.instant()));
        }
        // other messages and events (images, voice, unsubscribe, menu clicks): acknowledged, nothing to do yet
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
    }

    /** The top-level elements of a WeChat message, by name. 422 when it is not such XML. */
    static Map<String, String> parse(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document d = builder.parse(new ByteArrayInputStream(body));
            Map<String, String> out = new LinkedHashMap<>();
            var nodes = d.getDocumentElement().getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e) {
                    out.put(e.getTagName(), e.getTextContent());
                }
            }
            return out;
        } catch (Exception e) {
            throw FieldValidationException.of("body", "contact.validation.xml");
        }
    }

    /** A passive text reply in WeChat's XML. */
    static String passiveText(String to, String from, String text, Instant now) {
        return "<xml><ToUserName>" + cdata(to) + "</ToUserName><FromUserName>" + cdata(from) + "</FromUserName><CreateTime>"
                + now.getEpochSecond() + "</CreateTime><MsgType>" + cdata("text") + "</MsgType><Content>" + cdata(text)
                + "</Content></xml>";
    }

    static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.WECHAT;
    }

    @Override
    public Delivery send(Outbound m) {
        if (!properties.canSend()) {
            return Delivery.failed("wechat app id and secret not configured");
        }
        try {
            String token = token();
            String body = JSON.writeValueAsString(Map.of("touser", m.address(), "msgtype", "text",
                    "text", Map.of("content", m.text())));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(properties.apiBaseUrl()
                            + "/cgi-bin/message/custom/send?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return Delivery.failed("HTTP " + r.statusCode());
            }
            JsonNode j = JSON.readTree(r.body());
            int code = j.path("errcode").asInt(-1);
            if (code == 0) {
                return Delivery.accepted(j.path("msgid").isMissingNode() ? null : j.path("msgid").asString());
            }
            if (code == 40001 || code == 42001 || code == 40014) {
                tokenExpires = Instant.EPOCH; // the token was revoked or expired: the retry takes a new one
                return Delivery.failed("errcode " + code);
            }
            if (code == 45015 || code == 45047 || code == 40003) {
                // outside the 48-hour window, too many replies, or not a follower: sending again will not help
                return Delivery.rejected("errcode " + code);
            }
            return Delivery.failed("errcode " + code);
        } catch (java.io.IOException e) {
            return Delivery.failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        } catch (RuntimeException e) {
            log.debug("wechat send failed", e);
            return Delivery.failed(e.getClass().getSimpleName());
        }
    }

    private synchronized String token() throws java.io.IOException, InterruptedException {
        if (accessToken != null && clock.instant().isBefore(tokenExpires)) {
            return accessToken;
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(properties.apiBaseUrl()
                        + "/cgi-bin/token?grant_type=client_credential&appid="
                        + URLEncoder.encode(properties.appId(), StandardCharsets.UTF_8) + "&secret="
                        + URLEncoder.encode(properties.appSecret(), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode j = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !j.hasNonNull("access_token")) {
            throw new java.io.IOException("no access token: HTTP " + r.statusCode() + " errcode " + j.path("errcode").asInt(-1));
        }
        accessToken = j.get("access_token").asString();
        long life = j.path("expires_in").asLong(7200);
        tokenExpires = clock.instant().plusSeconds(Math.max(60, life - 300));
        return accessToken;
    }
}
