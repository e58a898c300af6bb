package org.fuwu.queueing.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The board feed table {@code queue_board_event}, through {@link JdbcClient}. */
@Repository
class BoardFeed {

    private final JdbcClient jdbc;

    BoardFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a feed row unless one with its id is there already (a row must never fail the
     * transaction of the change it reports).
     */
    void insert(BoardEvent e) {
        jdbc.sql("""
                insert into queue_board_event (id, branch_code, type, ticket_id, service_code, number, counter_code,
                    counter_number, recall, occurred_at)
                select :id, :b, :type, :t, :s, :n, :cc, :cn, :r, :at from (values (1)) as one (x)
                where not exists (select 1 from queue_board_event where id = :id)""")
                .param("id", e.id()).param("b", e.branchCode()).param("type", e.type()).param("t", e.ticketId())
                .param("s", e.serviceCode()).param("n", e.number()).param("cc", e.counterCode())
                .param("cn", e.counterNumber()).param("r", e.recall()).param("at", Timestamp.from(e.occurredAt()))
                .update();
    }

    /** The id of the newest stored ticket event of a type for a ticket (in the current transaction), or 0. */
    long latestTicketEventId(long ticketId, String type) {
        Long id = jdbc.sql("select coalesce(max(id), 0) from queue_ticket_event where ticket_id = :t and type = :type")
                .param("t", ticketId).param("type", type).query(Long.class).single();
        return id == null ? 0 : id;
    }

    /** Feed rows of a branch after an id, oldest first. */
    List<BoardEvent> after(String branchCode, long afterId, int limit) {
        return jdbc.sql("select * from queue_board_event where branch_code = :b and id > :id order by id fetch first "
                        + limit + " rows only")
                .param("b", branchCode).param("id", afterId).query(BoardFeed::row).list();
    }

    /**
     * Feed rows of a branch up to an id that occurred since a moment, oldest first: the look-back for
     * rows that committed after a higher id had been read.
     */
    List<BoardEvent> recentUpTo(String branchCode, long upToId, Instant since) {
        return jdbc.sql("select * from queue_board_event where branch_code = :b and id <= :id and occurred_at >= :since"
                        + " order by id")
                .param("b", branchCode).param("id", upToId).param("since", Timestamp.from(since))
                .query(BoardFeed::row).list();
    }

    /** The newest calls of a branch since a moment, newest first. */
    List<BoardEvent> lastCalls(String branchCode, Instant since, int limit) {
        return jdbc.sql("select * from queue_board_event where branch_code = :b and type = 'CALLED' and occurred_at >= :since"
                        + " order by id desc fetch first " + limit + " rows only")
                .param("b", branchCode).param("since", Timestamp.from(since)).query(BoardFeed::row).list();
    }

    /** The newest feed id of a branch, 0 when there is none. */
    long maxId(String branchCode) {
        Long id = jdbc.sql("select coalesce(max(id), 0) from queue_board_event where branch_code = :b")
                .param("b", branchCode).query(Long.class).single();
        return id == null ? 0 : id;
    }

    private static BoardEvent row(ResultSet rs, int n) throws SQLException {
        return new BoardEvent(rs.getLong("id"), rs.getString("branch_code"), rs.getString("type"), rs.getLong("ticket_id"),
                rs.getString("service_code"), rs.getString("number"), rs.getString("counter_code"),
                rs.getString("counter_number"), rs.getInt("recall"), rs.getTimestamp("occurred_at").toInstant());
    }
}
