package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.customer.IdentityKind;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.PersonalData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every channel adapter hands a customer's message (e-mail, SMS, WeChat): stored in one
 * transaction before the adapter acknowledges it, recognised by the channel's own id so that a retry by
 * the sender never makes a second message, joined to the sender's open conversation (e-mail: to its
 * thread, by In-Reply-To and References) or starting one, and the sender recognised as a customer through
 * the customer file's blind index. An address the channel itself vouches for (an SMS number, a WeChat
 * openid) counts as verified; an e-mail From address does not.
 */
@Service
public class ChannelIntake {

    /**
     * A message as a channel adapter received it.
     *
     * @param channel EMAIL, SMS or WECHAT
     * @param addressKind what the address is (EMAIL, MOBILE, WECHAT_OPENID)
     * @param address the sender's address as the channel gave it
     * @param externalId the channel's id of this message (Message-ID, the gateway's id, MsgId)
     * @param text the text, already plain
     * @param subject an e-mail's subject, or null
     * @param threadIds for e-mail: In-Reply-To and References, newest last; else empty
     */
    public record Inbound(ContactChannel channel, IdentityKind addressKind, String address, String externalId, String text,
                          String subject, List<String> threadIds) {
    }

    /** What became of it: the conversation, and whether it had been received before. */
    public record Received(long conversationId, boolean duplicate, boolean started) {
    }

    /** The longest message a channel may bring (an e-mail body), in characters. */
    static final int MAX_INBOUND = 40_000;

    private final ConversationStore conversations;
    private final ChannelStore channels;
    private final CustomerDirectory customers;
    private final Timeline timeline;
    private final ContactRouting routing;
    private final PersonalData personalData;
    private final Clock clock;
    private final ContactProperties properties;
    private final TransactionTemplate tx;
    private final ConversationOpener opener;

    ChannelIntake(ConversationStore conversations, ChannelStore channels, CustomerDirectory customers, Timeline timeline,
                  ContactRouting routing, PersonalData personalData, Clock clock, ContactProperties properties,
                  PlatformTransactionManager txManager, ConversationOpener opener) {
        this.opener = opener;
        this.conversations = conversations;
        this.channels = channels;
        this.customers = customers;
        this.timeline = timeline;
        this.routing = routing;
        this.personalData = personalData;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    public Received receive(Inbound in) {
        String address = in.addressKind().normalise(in.address());
        if (!in.addressKind().isValid(address)) {
            throw FieldValidationException.of("from", "contact.validation.address");
        }
        if (in.externalId() == null || in.externalId().isBlank() || in.externalId().length() > 300) {
            throw FieldValidationException.of("messageId", "contact.validation.messageId");
        }
        String text = ChatService.text(in.text(), MAX_INBOUND);
        try {
            return tx.execute(s -> store(in, address, text));
        } catch (DuplicateKeyException e) {
            return channels.inbound(in.channel(), in.externalId())
                    .map(id -> new Received(id, true, false)).orElseThrow(() -> e);
        }
    }

    private Received store(Inbound in, String address, String text) {
        var known = channels.inbound(in.channel(), in.externalId());
        if (known.isPresent()) {
            return new Received(known.get(), true, false);
        }
        Instant now = clock.instant();
        String index = personalData.blindIndex(in.addressKind().indexKind(), address);
        Conversation c = null;
        if (in.channel() == ContactChannel.EMAIL && !in.threadIds().isEmpty()) {
            c = channels.conversationOfEmail(in.threadIds()).flatMap(conversations::find).filter(x -> x.status().open())
                    .orElse(null);
        }
        if (c == null && in.channel() != ContactChannel.EMAIL) {
            c = conversations.openByAddress(in.channel(), index).orElse(null);
        }
        boolean started = c == null;
        if (started) {
            CustomerRef customer = customers.findByIdentity(in.addressKind(), address).filter(CustomerRef::active).orElse(null);
            // the channel vouches for the address, except e-mail's From
            boolean verified = customer != null && in.channel() != ContactChannel.EMAIL;
            long id = opener.open(new ConversationOpener.Opening(in.channel(), null, null, customer, verified, null,
                    properties.defaultQueue(), null, personalData.encrypt(address), index,
                    in.subject() == null || in.subject().isBlank() ? null : personalData.encrypt(in.subject().strip())), now).id();
            c = conversations.find(id).orElseThrow();
        }
        timeline.append(c.id(), c.currentAgent(), "MESSAGE", "ALL", "CUSTOMER", null, text, null, now);
        channels.recordInbound(in.channel(), in.externalId(), c.id(), now);
        if (in.channel() == ContactChannel.EMAIL) {
            channels.recordEmail(in.externalId(), c.id());
        }
        routing.requestRound();
        return new Received(c.id(), false, started);
    }
}
