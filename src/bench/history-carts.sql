-- The counters and progress of the 1,000 carts that the history scripts spread :rows finished operations over: every
-- place taken, every one applied.
insert into operation_sequence (aggregate_key, last_sequence)
select 'Cart:history-' || k, :rows / 1000 + 1 from generate_series(0, 999) k
on conflict (aggregate_key) do nothing;
insert into aggregate_progress (aggregate_key, applied_sequence)
select 'Cart:history-' || k, :rows / 1000 + 1 from generate_series(0, 999) k
on conflict (aggregate_key) do nothing;
