-- The W3C traceparent of the request that asked for the operation (null where none was recorded), so that an
-- operation's identifier leads to its trace. Adding a nullable column without a default rewrites nothing.
alter table operation add column trace_parent varchar(55);
