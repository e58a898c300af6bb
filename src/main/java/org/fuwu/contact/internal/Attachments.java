package org.fuwu.contact.internal;

import static org.fuwu.platform.SqlTimes.ts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.NotFoundException;
import org.fuwu.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chat attachments: PNG, JPEG, GIF and PDF only, recognised by their first bytes (the declared type must
 * agree), at most {@link #MAX_BYTES}; stored encrypted with their name; handed out only as downloads.
 */
@Service
public class Attachments {

    static final int MAX_BYTES = 3 * 1024 * 1024;

    /** A stored file. */
    public record File(long id, long conversationId, String mediaType, String name, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Timeline timeline;
    private final ConversationStore conversations;
    private final Clock clock;
    private final TransactionTemplate tx;

    Attachments(JdbcClient jdbc, PersonalData personalData, Timeline timeline, ConversationStore conversations, Clock clock,
                PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.timeline = timeline;
        this.conversations = conversations;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Stores a file sent in an open conversation, and puts it on the timeline. */
    public ChatService.Line add(Conversation c, String authorKind, String authorName, Long agentId, String fileName,
                                String declaredType, byte[] content) {
        if (content == null || content.length == 0) {
            throw FieldValidationException.of("file", "contact.validation.fileEmpty");
        }
        if (content.length > MAX_BYTES) {
            throw FieldValidationException.of("file", "contact.validation.fileTooLarge");
        }
        String type = org.fuwu.platform.UploadedFiles.sniff(content).orElseThrow(() -> FieldValidationException.of("file", "contact.validation.fileType"));
        if (declaredType != null && !declaredType.isBlank() && !declaredType.equals("application/octet-stream")
                && !declaredType.strip().toLowerCase(java.util.Locale.ROOT).startsWith(type)) {
            throw FieldValidationException.of("file", "contact.validation.fileType");
        }
        if (!c.status().open()) {
            throw new ConflictException("contact.conflict.conversationOver", String.valueOf(c.id()));
        }
        String name = org.fuwu.platform.UploadedFiles.safeName(fileName);
        return tx.execute(s -> {
            var now = clock.instant();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into contact_attachment (conversation_id, media_type, size_bytes, sha256, name_enc, content_enc,
                        author_kind, created_at) values (:c, :t, :n, :h, :name, :body, :a, :at)""")
                    .param("c", c.id()).param("t", type).param("n", content.length).param("h", sha256(content))
                    .param("name", personalData.encrypt(name))
                    .param("body", personalData.encrypt(Base64.getEncoder().encodeToString(content)))
                    .param("a", authorKind).param("at", ts(now)).update(keys, "id");
            long id = keys.getKeyAs(Number.class).longValue();
            TimelineEvent e = timeline.append(c.id(), agentId != null ? agentId : c.currentAgent(), "ATTACHMENT", "ALL",
                    authorKind, authorName, name, "attachment=" + id + ";type=" + type + ";size=" + content.length, now);
            return ChatService.line(e, name);
        });
    }

    /** A file of a conversation; 404 when it is not that conversation's. */
    public File get(long conversationId, long id) {
        return jdbc.sql("select * from contact_attachment where id = :id and conversation_id = :c").param("id", id)
                .param("c", conversationId)
                .query((rs, n) -> new File(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("media_type"),
                        personalData.decrypt(rs.getString("name_enc")),
                        Base64.getDecoder().decode(personalData.decrypt(rs.getString("content_enc"))))).optional()
                .orElseThrow(() -> new NotFoundException("attachment", id));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
