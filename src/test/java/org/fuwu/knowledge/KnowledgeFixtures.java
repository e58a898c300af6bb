package org.fuwu.knowledge;

import java.util.concurrent.ThreadLocalRandom;

/** The knowledge module's test fixtures: made-up words no entry holds, so that tests sharing a database do not meet. */
public final class KnowledgeFixtures {

    private KnowledgeFixtures() {
    }

    /** A made-up English word of lower-case letters, unknown to any dictionary and to the demo entries. */
    public static String word() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 7; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** The JSON body of an entry. */
    public static String entry(String language, String question, String answer, String channels, String validFrom, String validUntil) {
        return "{\"language\":\"" + language + "\",\"kind\":\"FAQ\",\"category\":\"CARDS\",\"question\":\"" + question
                + "\",\"similarQuestions\":[],\"answerHtml\":\"" + answer + "\",\"products\":[\"DEBIT_CARD\"],\"channels\":["
                + channels + "]" + (validFrom == null ? "" : ",\"validFrom\":\"" + validFrom + "\"")
                + (validUntil == null ? "" : ",\"validUntil\":\"" + validUntil + "\"") + "}";
    }
}
