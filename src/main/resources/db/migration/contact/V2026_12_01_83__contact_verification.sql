-- A one-time code sent by SMS to verify who is chatting: at most one live code per conversation. Only a
-- keyed hash of the code is stored; the mobile number encrypted. sends counts the codes sent in the window
-- that started at window_start (at most 3 in 10 minutes), attempts the wrong entries of the live code (5).
create table contact_verification (
    conversation_id  bigint       not null primary key,
    mobile_enc       varchar(600) not null,
    code_hash        varchar(100) not null,
    expires_at       timestamp with time zone not null,
    attempts         int          not null default 0,
    sends            int          not null default 1,
    window_start     timestamp with time zone not null
);
