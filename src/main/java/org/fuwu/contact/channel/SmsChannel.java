package org.fuwu.contact.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.fuwu.contact.internal.ChannelIntake;
import org.fuwu.contact.internal.ChannelSender;
import org.fuwu.contact.internal.ContactChannel;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.SmsGateway;
import org.fuwu.platform.SmsMessage;
import org.fuwu.platform.SmsResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS: inbound by the gateway's webhook, signed with HMAC-SHA256 ({@code X-Fuwu-Timestamp}, Unix seconds,
 * and {@code X-Fuwu-Signature: sha256=<hex of HMAC(secret, timestamp + "." + body)>}), JSON
 * {@code {"from", "text", "messageId"}}; replies out through platform's SMS port.
 */
@RestController
@Tag(name = "Contact channels")
class SmsChannel implements ChannelSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelIntake intake;
    private final SmsGateway gateway;
    private final ChannelProperties.Sms properties;
    private final Clock clock;

    SmsChannel(ChannelIntake intake, SmsGateway gateway, ChannelProperties properties, Clock clock) {
        this.intake = intake;
        this.gateway = gateway;
        this.properties = properties.sms();
        this.clock = clock;
    }

    record Accepted(long conversationId, boolean duplicate) {
    }

    @PostMapping(path = "/api/v1/channels/sms/inbound", consumes = "application/json")
    ResponseEntity<Accepted> inbound(@RequestBody byte[] body,
                                     @RequestHeader(value = "X-Fuwu-Timestamp", required = false) String timestamp,
                                     @RequestHeader(value = "X-Fuwu-Signature", required = false) String signature) {
        if (!properties.enabled()) {
            throw new NotFoundException("channel", "sms");
        }
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")
                || Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs()
                .compareTo(properties.maxSkew()) > 0
                || !Signatures.same(Signatures.smsSignature(properties.webhookSecret(), timestamp, body), signature)) {
            throw new BadSignatureException();
        }
        JsonNode in;
        try {
            in = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw FieldValidationException.of("body", "contact.validation.json");
        }
        String from = text(in, "from");
        String text = text(in, "text");
        String id = text(in, "messageId");
        if (from == null) {
            throw FieldValidationException.of("from", "contact.validation.address");
        }
        if (id == null) {
            throw FieldValidationException.of("messageId", "contact.validation.messageId");
        }
        var r = intake.receive(new ChannelIntake.Inbound(ContactChannel.SMS, IdentityKind.MOBILE, from, id, text, null, List.of()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(r.conversationId(), r.duplicate()));
    }

    private static String text(JsonNode in, String field) {
        JsonNode n = in == null ? null : in.get(field);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asString();
    }

    @Override
    public ContactChannel channel() {
        return ContactChannel.SMS;
    }

    @Override
    public Delivery send(Outbound m) {
        SmsResult r = gateway.send(new SmsMessage(m.address(), m.text(), m.reference()));
        return switch (r.outcome()) {
            case ACCEPTED -> Delivery.accepted(r.messageId());
            case REJECTED -> Delivery.rejected(r.reason());
            case FAILED -> Delivery.failed(r.reason());
        };
    }
}
