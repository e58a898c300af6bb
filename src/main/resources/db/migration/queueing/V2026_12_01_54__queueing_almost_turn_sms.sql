-- "Almost your turn" by SMS (issue 3, point 6).
--
-- notify_mobile_enc: the mobile number the customer gave for this ticket's notification, normalised and
--   stored only AES-GCM encrypted (platform's PersonalData), never in plain text; no blind index (nothing
--   looks a ticket up by it). notify_language: the language of the message, zh-CN or en (null: zh-CN).
-- almost_notified_at: when an instance claimed the one notification of this ticket (a conditional update
--   from null, so it is sent at most once across instances); almost_sms_outcome then PENDING, and after the
--   send ACCEPTED, REJECTED or FAILED with almost_sms_detail = the gateway's message id or the reason.
alter table queue_ticket add column notify_mobile_enc varchar(600);
alter table queue_ticket add column notify_language varchar(10);
alter table queue_ticket add column almost_notified_at timestamp with time zone;
alter table queue_ticket add column almost_sms_outcome varchar(20);
alter table queue_ticket add column almost_sms_detail varchar(120);
