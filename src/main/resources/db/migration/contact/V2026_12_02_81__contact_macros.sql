-- Macros: one click applies several steps to a conversation, in this order: a reply to the customer, an
-- internal note, then either a transfer to a queue or the end with a wrap-up code. Texts take the same
-- variables as canned responses ({customer}, {agent}, {bank}), one row per language.
create table contact_macro (
    code            varchar(40)   not null,
    language        varchar(10)   not null,
    title           varchar(100)  not null,
    reply_body      varchar(2000),
    note_body       varchar(2000),
    transfer_queue  varchar(40),
    wrap_up_code    varchar(40),
    updated_at      timestamp with time zone not null,
    primary key (code, language),
    constraint contact_macro_one_exit_ck check (transfer_queue is null or wrap_up_code is null)
);
