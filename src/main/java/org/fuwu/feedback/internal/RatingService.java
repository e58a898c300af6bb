package org.fuwu.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fuwu.feedback.RatingGiven;
import org.fuwu.feedback.Ratings;
import org.fuwu.platform.AuditLog;
import org.fuwu.platform.ConflictException;
import org.fuwu.platform.FieldValidationException;
import org.fuwu.platform.FieldValidationException.FieldError;
import org.fuwu.platform.PersonalData;
import org.fuwu.platform.SqlTimes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Ratings in the database: validated, the comment encrypted, once per interaction, audited, published. */
@Service
class RatingService implements Ratings {

    static final int MAX_COMMENT = 1000;

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    RatingService(JdbcClient jdbc, PersonalData personalData, AuditLog audit, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The errors of a rating's input: the score 1-5, the comment at most 1000 characters. */
    static List<FieldError> errors(RatingInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.score() < 1 || in.score() > 5) {
            errors.add(new FieldError("score", "feedback.validation.score"));
        }
        if (in.comment() != null && in.comment().strip().length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "feedback.validation.comment"));
        }
        return errors;
    }

    @Override
    public Rating rate(RatingInput in) {
        List<FieldError> errors = errors(in);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        String comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
        return tx.execute(s -> {
            Instant now = clock.instant();
            if (of(in.subject(), in.subjectRef()).isPresent()) {
                throw new ConflictException("feedback.conflict.alreadyRated", in.subjectRef());
            }
            try {
                jdbc.sql("""
                        insert into feedback_rating (subject, subject_ref, customer_id, staff_id, channel, score, comment_enc, created_at)
                        values (:s, :r, :c, :st, :ch, :sc, :co, :at)""")
                        .param("s", in.subject().name()).param("r", in.subjectRef()).param("c", in.customerId())
                        .param("st", in.staffId()).param("ch", in.channel()).param("sc", in.score())
                        .param("co", comment == null ? null : personalData.encrypt(comment)).param("at", SqlTimes.ts(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                throw new ConflictException("feedback.conflict.alreadyRated", in.subjectRef());
            }
            long id = lastId(in);
            audit.success("feedback.rating", "rating:" + id, Map.of("subject", in.subject().name() + ":" + in.subjectRef(),
                    "score", String.valueOf(in.score())));
            events.publishEvent(new RatingGiven(id, in.subject().name(), in.subjectRef(), in.customerId(), in.staffId(),
                    in.channel(), in.score(), now));
            return new Rating(id, in.subject(), in.subjectRef(), in.customerId(), in.staffId(), in.channel(), in.score(),
                    comment, now);
        });
    }

    private long lastId(RatingInput in) {
        return jdbc.sql("select id from feedback_rating where subject = :s and subject_ref = :r")
                .param("s", in.subject().name()).param("r", in.subjectRef()).query(Long.class).single();
    }

    @Override
    public Optional<Rating> of(Subject subject, String subjectRef) {
        return jdbc.sql("select * from feedback_rating where subject = :s and subject_ref = :r")
                .param("s", subject.name()).param("r", subjectRef).query((rs, n) -> rating(rs)).optional();
    }

    @Override
    public List<Rating> ofCustomer(long customerId, int limit) {
        return jdbc.sql("select * from feedback_rating where customer_id = :c order by created_at desc, id desc limit :n")
                .param("c", customerId).param("n", limit).query((rs, n) -> rating(rs)).list();
    }

    private Rating rating(ResultSet rs) throws SQLException {
        String enc = rs.getString("comment_enc");
        return new Rating(rs.getLong("id"), Subject.valueOf(rs.getString("subject")), rs.getString("subject_ref"),
                rs.getObject("customer_id", Long.class), rs.getObject("staff_id", Long.class), rs.getString("channel"),
                rs.getInt("score"), enc == null ? null : personalData.decrypt(enc), SqlTimes.instant(rs, "created_at"));
    }
}
