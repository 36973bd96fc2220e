-- operation_read is a queue: empty while the processor keeps up, tens of thousands of rows under a backlog. Statistics
-- taken while it held no row (reltuples 0 over its pages) make every plan on it cost the same, and the planner then
-- served lookups by operation_id with the primary key (aggregate_key, after_sequence, operation_id), reading the whole
-- index per operation: 2.2 s for a batch of 500 with 72,000 unfinished readers, so that a backlog slowed the batches
-- that should drain it. Each of the table's two lookups now has one index whose leading columns its condition names,
-- and no index holds every column that a lookup reads, so that no whole-index scan can pass for a lookup: readers of an
-- aggregate by (aggregate_key, after_sequence), an operation's reads by operation_id. Nothing needs the key's
-- uniqueness: a reader's rows are inserted once, by the statement that accepts or requeues it.
alter table operation_read drop constraint operation_read_pkey;
create index operation_read_place on operation_read (aggregate_key, after_sequence);
