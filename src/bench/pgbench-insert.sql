insert into bench_commit (v) values (:client_id);
