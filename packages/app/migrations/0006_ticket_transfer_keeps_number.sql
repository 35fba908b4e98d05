-- A transferred ticket keeps its number and sequence from the service it was first issued for
-- (the engine keeps them so the citizen is not renumbered), and the app's ticket row follows it
-- into the new service. Two tickets of one service and day can therefore share a sequence
-- number; the engine, not this table, numbers tickets.
alter table ticket drop constraint if exists ticket_service_day_service_id_seq_key;
