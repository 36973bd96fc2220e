-- Room for the longest key of every aggregate kind (Columns.AGGREGATE_KEY): "Customer:" and a 254-character email did
-- not fit. Widening a varchar rewrites neither the tables nor their indexes.
alter table operation_sequence alter column aggregate_key type varchar(300);
alter table operation_aggregate alter column aggregate_key type varchar(300);
alter table aggregate_progress alter column aggregate_key type varchar(300);
