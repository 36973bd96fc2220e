-- Why the last attempt at an operation failed, kept until the operation is final.
alter table operation add column last_error text;

-- Operations whose attempts ran out, with their command and last error, until retryOperations runs them again.
create table operation_dead_letter (
    operation_id varchar(40)  primary key references operation (id),
    command_type varchar(100) not null,
    payload      text         not null,
    last_error   text         not null,
    attempts     int          not null,
    failed_at    timestamptz  not null
);
