package org.fuwu.contact.internal;

import java.time.Instant;
import java.util.List;

import org.fuwu.corebanking.CoreBanking;
import org.fuwu.customer.CustomerDirectory;
import org.fuwu.customer.CustomerRef;
import org.fuwu.feedback.Ratings;
import org.fuwu.platform.Masking;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.StaffPrincipal;
import org.fuwu.queueing.LobbyVisits;
import org.springframework.stereotype.Service;

/**
 * The customer of a conversation as the agent sees them in one place: the masked profile and segment,
 * the identities (masked, with which are verified), the products from the core system, the history
 * across channels (earlier conversations on every channel, lobby tickets at every branch), the cases and the
 * ratings the customer gave after earlier services.
 */
@Service
public class Customer360 {

    /** An earlier (or parallel) conversation of the customer. */
    public record PastConversation(long id, String channel, String status, String queue, Instant createdAt, String wrapUpCode) {
    }

    /** The whole view; {@code linked} false (and the rest empty) when the conversation has no customer yet. */
    public record View(boolean linked, boolean verified, String customerNumber, String maskedName, String segment,
                       List<String> preferentialClasses, List<String> identities, List<CoreBanking.Product> products,
                       List<PastConversation> conversations, List<LobbyVisits.LobbyVisit> lobbyVisits,
                       List<org.fuwu.cases.CaseIntake.CaseSummary> cases, List<PastRating> ratings) {
    }

    /** A rating the customer gave after an earlier service: what was rated, the score and the comment. */
    public record PastRating(String subject, String subjectRef, String channel, int score, String comment, Instant at) {
    }

    private final ConversationDetails details;
    private final ConversationStore conversations;
    private final CustomerDirectory customers;
    private final CoreBanking core;
    private final LobbyVisits lobby;
    private final org.fuwu.cases.CaseIntake caseIntake;
    private final Ratings ratings;

    Customer360(ConversationDetails details, ConversationStore conversations, CustomerDirectory customers, CoreBanking core,
                LobbyVisits lobby, org.fuwu.cases.CaseIntake caseIntake, Ratings ratings) {
        this.ratings = ratings;
        this.caseIntake = caseIntake;
        this.details = details;
        this.conversations = conversations;
        this.customers = customers;
        this.core = core;
        this.lobby = lobby;
    }

    public View of(StaffPrincipal me, long conversationId) {
        details.detail(me, conversationId); // the same visibility as the conversation itself
        Conversation c = conversations.find(conversationId).orElseThrow(() -> new NotFoundException("conversation", conversationId));
        if (c.customerId() == null) {
            return new View(false, c.verified(), null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of());
        }
        CustomerRef r = customers.get(c.customerId());
        return new View(true, c.verified(), r.customerNumber(), Masking.keep(r.name(), 1, 0), r.segment().name(),
                r.preferentialClasses().stream().map(Enum::name).sorted().toList(),
                r.identities().stream().map(i -> i.kind().name() + " " + i.masked() + (i.verified() ? " ✓" : "")).toList(),
                core.products(r.customerNumber()),
                conversations.ofCustomer(r.id(), 20).stream().filter(x -> x.id() != conversationId)
                        .map(x -> new PastConversation(x.id(), x.channel().name(), x.status().name(), x.queueCode(), x.createdAt(),
                                x.wrapUpCode())).toList(),
                lobby.of(r.id(), 10), caseIntake.ofCustomer(r.id()),
                ratings.ofCustomer(r.id(), 10).stream().map(x -> new PastRating(x.subject().name(), x.subjectRef(), x.channel(),
                        x.score(), x.comment(), x.at())).toList());
    }
}
