-- The live feed of the lobby's display boards: one row per ticket event a board shows (issued,
-- called or recalled, cancelled), written in the transaction of the change, keyed by the id of the
-- stored ticket event (queue_ticket_event.id). Boards catch up from it by that id (Last-Event-ID),
-- and every instance polls it, so a call made on one instance reaches boards served by another.
-- It holds numbers and counters only, no customer data.
create table queue_board_event (
    id             bigint       not null primary key,
    branch_code    varchar(10)  not null,
    type           varchar(20)  not null,
    ticket_id      bigint       not null,
    service_code   varchar(10)  not null,
    number         varchar(10)  not null,
    counter_code   varchar(10),
    counter_number varchar(10),
    recall         int          not null default 0,
    occurred_at    timestamp with time zone not null
);
create index queue_board_event_branch_idx on queue_board_event (branch_code, id);
