package io.asyncstorefront.operation.ledger;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One operation in the ledger. The row is also the outbox of its command: it holds the payload that the relay
 * republishes until the operation is final.
 */
@Entity
@Table(name = "operation")
public class OperationRecord {

    @Id
    public String id;

    @Column(name = "command_type", nullable = false, updatable = false)
    public String commandType;

    /** The order in which operations were accepted; assigned by the database. */
    @Column(insertable = false, updatable = false)
    public long acceptedSequence;

    /** The command as JSON. */
    @Column(nullable = false, updatable = false, columnDefinition = "text")
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OperationStatus status;

    /** The final state as JSON, once the status is final. */
    @Column(columnDefinition = "text")
    public String result;

    /** How many times applying the command failed for a reason other than the command itself. */
    public int failedAttempts;

    /** How often the relay has published the command again. */
    public int republished;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime acceptedAt;

    /** When the relay republishes the command if the operation is still not final. */
    @Column(nullable = false)
    public OffsetDateTime nextAttemptAt;

    public OffsetDateTime finishedAt;

    /** For a step of an ordered group, the operation of the step before it. */
    @Column(updatable = false)
    public String precedingStep;

    /** Why the last attempt failed, while the operation is not final. */
    @Column(columnDefinition = "text")
    public String lastError;
}
