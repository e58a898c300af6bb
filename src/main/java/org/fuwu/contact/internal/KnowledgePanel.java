package org.fuwu.contact.internal;

import java.util.ArrayList;
import java.util.List;

import org.fuwu.knowledge.KnowledgeSearch;
import org.fuwu.platform.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * The workstation's knowledge suggestions: the published entries visible to agents that best answer what
 * the customer wrote last (or what the agent types in the panel's search), in the conversation's language.
 * Using an answer puts its plain text in the agent's reply and counts the use. The agent sees the panel of
 * the conversations they may see, no others.
 */
@Service
public class KnowledgePanel {

    static final int LIMIT = 5;
    static final int LAST_MESSAGES = 3;
    static final int MAX_TEXT = 1000;

    private final ConversationDetails details;
    private final ConversationStore conversations;
    private final TimelineStore timelineStore;
    private final Timeline timeline;
    private final KnowledgeSearch knowledge;

    KnowledgePanel(ConversationDetails details, ConversationStore conversations, TimelineStore timelineStore, Timeline timeline,
                   KnowledgeSearch knowledge) {
        this.details = details;
        this.conversations = conversations;
        this.timelineStore = timelineStore;
        this.timeline = timeline;
        this.knowledge = knowledge;
    }

    /** The suggestions for the agent's query, or for the customer's last messages when the query is empty. */
    public List<KnowledgeSearch.Suggestion> suggestions(StaffPrincipal me, long conversationId, String query) {
        details.detail(me, conversationId);
        Conversation c = conversations.find(conversationId).orElseThrow();
        String text = query == null || query.isBlank() ? lastWords(conversationId) : query.strip();
        if (text.isBlank()) {
            return List.of();
        }
        return knowledge.suggest(text.length() > MAX_TEXT ? text.substring(text.length() - MAX_TEXT) : text, c.language(),
                "AGENT", LIMIT);
    }

    /** The answer's text for the agent's reply; the use is counted. */
    public String use(StaffPrincipal me, long conversationId, long entryId) {
        details.detail(me, conversationId);
        return knowledge.useAnswer(entryId, "AGENT");
    }

    /** What the customer wrote last: up to three messages, oldest first. */
    private String lastWords(long conversationId) {
        List<String> texts = new ArrayList<>();
        for (TimelineEvent e : timelineStore.of(conversationId, 0)) {
            if ("MESSAGE".equals(e.kind()) && "CUSTOMER".equals(e.authorKind())) {
                texts.add(timeline.text(e));
            }
        }
        return String.join(" ", texts.subList(Math.max(0, texts.size() - LAST_MESSAGES), texts.size()));
    }
}
