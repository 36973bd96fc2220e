package io.asyncstorefront.operation.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Finds the handler of a command, by the command's class on the accept path and by its type name when applying it. */
@ApplicationScoped
public class CommandRegistry {

    private final Map<String, CommandHandler<?>> byType = new HashMap<>();
    private final Map<Class<?>, CommandHandler<?>> byClass = new HashMap<>();

    public CommandRegistry(Instance<CommandHandler<?>> handlers) {
        for (CommandHandler<?> handler : handlers) {
            if (byType.put(handler.type(), handler) != null) {
                throw new IllegalStateException("Two command handlers have the type " + handler.type());
            }
            byClass.put(handler.commandClass(), handler);
        }
    }

    @SuppressWarnings("unchecked")
    public <C extends Command> CommandHandler<C> handlerOf(C command) {
        CommandHandler<?> handler = byClass.get(command.getClass());
        if (handler == null) {
            throw new IllegalStateException("No command handler for " + command.getClass().getName());
        }
        return (CommandHandler<C>) handler;
    }

    public Optional<CommandHandler<?>> handlerOf(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Iterable<CommandHandler<?>> handlers() {
        return byType.values();
    }
}
