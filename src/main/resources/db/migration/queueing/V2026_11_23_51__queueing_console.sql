-- The counter console: what happens to a ticket after it is issued (called, recalled, served,
-- transferred, parked), the routing policy and its state per branch, and the state of each counter.
alter table queue_ticket add column overtakes int not null default 0;
alter table queue_ticket add column first_overtaken_at timestamp with time zone;
alter table queue_ticket add column called_at timestamp with time zone;
alter table queue_ticket add column counter_code varchar(10);
alter table queue_ticket add column recalls int not null default 0;
alter table queue_ticket add column served_by varchar(100);
alter table queue_ticket add column started_at timestamp with time zone;
alter table queue_ticket add column outcome varchar(20);
-- where a transferred ticket ranks from in the first-come order (null: its arrival)
alter table queue_ticket add column ranks_from timestamp with time zone;
-- a ticket transferred to one counter waits for that counter only
alter table queue_ticket add column target_counter varchar(10);
-- why it was called, in English (the routing decision's explanation)
alter table queue_ticket add column explanation varchar(500);
-- the same explanation as message parts, for the console to show it in the teller's language:
-- reason key|sentence key|chosen|overtaken labels|overtakes|bound|bound item
alter table queue_ticket add column explanation_parts varchar(500);
create index queue_ticket_counter_idx on queue_ticket (branch_code, counter_code, status);

-- One row per branch: its selection policy with the fairness bound (K overtakes, M seconds), and the
-- policy's memory between calls (weighted round robin credits, e.g. "VIP=1;ORDINARY=-1").
-- Call-next locks this row, so calls of one branch are serialised across instances.
create table queue_branch_routing (
    branch_code        varchar(10)  not null primary key,
    policy_kind        varchar(30)  not null,
    max_overtakes      int          not null,
    max_delay_seconds  int          not null,
    state              varchar(200) not null,
    version            bigint       not null default 0
);

create table queue_counter_state (
    branch_code  varchar(10)  not null,
    counter_code varchar(10)  not null,
    state        varchar(10)  not null,
    teller       varchar(100),
    changed_at   timestamp with time zone not null,
    constraint queue_counter_state_pk primary key (branch_code, counter_code)
);
