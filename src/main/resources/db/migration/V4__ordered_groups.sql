-- A step of an ordered group names the step before it. The processor applies a step only after that one is final,
-- which the aggregate order already guarantees (the steps of a group share their cart), and fails it without applying
-- it when that one failed.
alter table operation add column preceding_step varchar(40);
