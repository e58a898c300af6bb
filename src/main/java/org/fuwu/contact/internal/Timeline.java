package org.fuwu.contact.internal;

import java.time.Instant;
import java.util.List;

import org.fuwu.platform.PersonalData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to a conversation's timeline in the caller's transaction (the text encrypted), and after the
 * commit tells the live streams of this instance what committed, so nothing waits for a poll.
 */
@Component
public class Timeline {

    /** Told, after a commit, the feed rows it wrote. */
    public interface Listener {
        void committed(List<TimelineEvent> events);
    }

    private final TimelineStore store;
    private final PersonalData personalData;
    private final ObjectProvider<Listener> listeners;

    Timeline(TimelineStore store, PersonalData personalData, ObjectProvider<Listener> listeners) {
        this.store = store;
        this.personalData = personalData;
        this.listeners = listeners;
    }

    /** Appends a row; text may be null. */
    TimelineEvent append(long conversationId, Long agentId, String kind, String audience, String authorKind,
                         String authorName, String text, String data, Instant at) {
        TimelineEvent e = store.insert(new TimelineEvent(0, conversationId, agentId, kind, audience, authorKind,
                authorName, text == null ? null : personalData.encrypt(text), data, at));
        afterCommit(e);
        return e;
    }

    /** The text of a row, decrypted; null when it has none. */
    public String text(TimelineEvent e) {
        return e.bodyEnc() == null ? null : personalData.decrypt(e.bodyEnc());
    }

    private void afterCommit(TimelineEvent e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            listeners.forEach(l -> l.committed(List.of(e)));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                listeners.forEach(l -> l.committed(List.of(e)));
            }
        });
    }
}
