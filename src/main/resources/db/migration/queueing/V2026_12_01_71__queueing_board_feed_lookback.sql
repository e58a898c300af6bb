-- The live hub re-reads the last seconds of a branch's feed (rows that committed out of id order).
create index queue_board_event_recent_idx on queue_board_event (branch_code, occurred_at);
