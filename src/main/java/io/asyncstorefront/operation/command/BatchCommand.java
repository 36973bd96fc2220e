package io.asyncstorefront.operation.command;

import java.util.List;

/** A command of one or many inputs (RFC-038): one operation, applied all or nothing. */
public interface BatchCommand<I> extends Command {

    List<I> input();
}
