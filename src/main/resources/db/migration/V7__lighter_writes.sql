-- Each batch rewrites its aggregates' progress rows and each accept its counter rows. With room left on their pages
-- those updates stay on the page (HOT) and add no index entry: measured, a batch's progress update took half the time.
-- Applies to pages written from now on.
alter table aggregate_progress set (fillfactor = 50);
alter table operation_sequence set (fillfactor = 50);

-- No statement looks operations up by acceptance order, and an identity column that is generated always is unique
-- without an index; its index cost every accept and every final state an entry.
alter table operation drop constraint operation_accepted_sequence_key;
