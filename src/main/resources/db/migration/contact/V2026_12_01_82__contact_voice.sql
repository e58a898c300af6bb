-- The phone channel: a call's id on the bank's telephony platform, its state there (RINGING in the IVR or
-- queue, TALKING, HELD, ENDED), and virtual hold: the caller asked to be called back, keeping their place in
-- the queue (queued_at is not touched), at the number they gave (encrypted; the ANI by default).
alter table contact_conversation add column call_id varchar(100);
alter table contact_conversation add column call_state varchar(10);
alter table contact_conversation add column callback boolean not null default false;
alter table contact_conversation add column callback_number_enc varchar(600);
create unique index contact_conversation_call_uk on contact_conversation (call_id);
