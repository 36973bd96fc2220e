-- An operation's places are inserted by the statement that inserts the operation, and leave only with it, so their
-- foreign keys checked what the statement already guarantees, at a lookup of operation per place. Worse, each
-- connection plans that lookup once and keeps the plan: planned while the ledger was empty (a new database, analyzed
-- before the load), it scanned the whole operation table for every place, and async accepting fell to a sixth of its
-- pace (the benchmark's stale phase). Dead letters, written rarely, keep theirs.
alter table operation_aggregate drop constraint operation_aggregate_operation_id_fkey;
alter table operation_read drop constraint operation_read_operation_id_fkey;
