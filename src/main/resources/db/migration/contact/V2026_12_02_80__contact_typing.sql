-- Typing indicators between instances: the last moment each side of a conversation typed, and on which
-- instance. The instance relays its own at once in memory; the others read the rows newer than their
-- last poll. Rows are tiny, one per conversation and side, and removed once they are a minute old.
create table contact_typing (
    conversation_id  bigint      not null,
    from_customer    boolean     not null,
    agent_id         bigint,
    instance_id      varchar(40) not null,
    typed_at         timestamp with time zone not null,
    primary key (conversation_id, from_customer)
);
create index contact_typing_at_idx on contact_typing (typed_at);
