package org.fuwu.contact.internal;

import java.time.Clock;
import java.time.Instant;

import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.platform.CurrentStaff;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The branch channel: a teller or lobby manager opens a conversation for a customer who stands before
 * them (a follow-up the contact centre takes over: a callback, a question the branch cannot answer), in
 * the customer's one history across channels. The customer was identified in person, so the conversation
 * is verified; it waits in the chosen queue as a task, with the staff member's account as its first line.
 */
@Service
public class BranchHandover {

    private final ConversationStore conversations;
    private final ContactConfigStore config;
    private final CustomerDirectory customers;
    private final Timeline timeline;
    private final Clock clock;
    private final ContactProperties properties;
    private final TransactionTemplate tx;
    private final ConversationOpener opener;

    BranchHandover(ConversationStore conversations, ContactConfigStore config, CustomerDirectory customers, Timeline timeline,
                   Clock clock, ContactProperties properties, PlatformTransactionManager txManager, ConversationOpener opener) {
        this.opener = opener;
        this.conversations = conversations;
        this.config = config;
        this.customers = customers;
        this.timeline = timeline;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Opens it; 422 naming {@code customerId}, {@code topic} or {@code text}. Customers are bank-wide (D10). */
    public Conversation open(StaffPrincipal me, long customerId, String topic, String text) {
        CustomerRef customer = customers.find(customerId).filter(CustomerRef::active)
                .orElseThrow(() -> FieldValidationException.of("customerId", "queueing.validation.unknownCustomer"));
        String queue = topic == null || topic.isBlank() ? properties.defaultQueue() : topic.strip();
        if (config.queue(queue).filter(ContactQueue::active).isEmpty()) {
            throw FieldValidationException.of("topic", "contact.validation.topic");
        }
        String t = ChatService.text(text, properties.maxMessageLength());
        return tx.execute(s -> {
            Instant now = clock.instant();
            long id = opener.open(new ConversationOpener.Opening(ContactChannel.BRANCH, null, null, customer, true, queue, queue,
                    null, null, null, null), now).id();
            timeline.append(id, null, "NOTE", "STAFF", "AGENT", me.displayName() + " (" + CurrentStaff.scope().label() + ")",
                    t, "by=branch", now);
            return conversations.find(id).orElseThrow();
        });
    }
}
