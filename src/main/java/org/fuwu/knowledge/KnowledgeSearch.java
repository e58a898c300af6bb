package org.fuwu.knowledge;

import java.util.List;

/**
 * Finds the published, currently valid knowledge entries that answer a customer's words: the agent workstation's
 * suggestion panel and the assistant call it. Only entries live on the channel asked for, and valid today, are
 * ever returned.
 */
public interface KnowledgeSearch {

    /** The channels an entry can be visible on. */
    List<String> CHANNELS = List.of("WEB", "APP", "WECHAT", "AGENT", "ASSISTANT", "KIOSK");

    /**
     * One answer found.
     *
     * @param entryId the entry
     * @param language {@code zh} or {@code en}
     * @param question the entry's question
     * @param snippet the start of the answer as plain text (no markup)
     * @param score the relevance; higher is better, comparable only within one answer list
     */
    record Suggestion(long entryId, String language, String question, String snippet, double score) {
    }

    /**
     * The best entries for the text, best first.
     *
     * @param text what the customer said or wrote
     * @param language {@code zh}/{@code zh-CN} or {@code en}, used when the text itself does not tell (digits only);
     *        may be null
     * @param channel one of {@link #CHANNELS}, or null for entries of any channel (staff looking things up)
     * @param limit at most this many, 1 to 50
     */
    List<Suggestion> suggest(String text, String language, String channel, int limit);

    /** Counts that an agent or the assistant used the entry's answer (usage statistics). */
    void recordUse(long entryId);

    /**
     * The live answer of an entry as plain text (no markup), for an agent to send or the assistant to say, and
     * counts the use; 404 when the entry is not published, not visible on the channel, or not valid today.
     */
    String useAnswer(long entryId, String channel);
}
