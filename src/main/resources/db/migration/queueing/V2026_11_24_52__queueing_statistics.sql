-- Lobby statistics and the wait estimate read a branch's tickets by the time they were issued
-- (statistics per hour and day, recent service times); this index serves both.
create index queue_ticket_issued_idx on queue_ticket (branch_code, issued_at);
