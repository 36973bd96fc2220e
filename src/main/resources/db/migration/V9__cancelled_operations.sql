-- An operation cancelled before it was applied is final, with OperationCancelled as its result.
alter table operation
    drop constraint operation_status_check,
    add constraint operation_status_check
        check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED')),
    drop constraint operation_final_has_result,
    add constraint operation_final_has_result
        check ((status in ('COMPLETED', 'FAILED', 'CANCELLED')) = (result is not null));
