package io.asyncstorefront.operation.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.state.OperationStateInterface;

/** Writes final states to the ledger's JSON column and reads them back, custom states of the domain included. */
@ApplicationScoped
public class OperationStateCodec {

    private final ObjectMapper mapper;

    public OperationStateCodec(ObjectMapper mapper, CommandRegistry registry) {
        // The global id is derived from the identifier: not stored. A mix-in, since SmallRye GraphQL hides a field
        // whose getter says @JsonIgnore.
        this.mapper = mapper.copy().addMixIn(OperationStateInterface.class, DerivedId.class);
        for (CommandHandler<?> handler : registry.handlers()) {
            handler.customStates().forEach(this.mapper::registerSubtypes);
        }
    }

    public String write(OperationStateInterface state) {
        try {
            return mapper.writerFor(OperationStateInterface.class).writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + state.getClass().getName(), e);
        }
    }

    /** Writes the state as the next value of the generator. */
    public void write(JsonGenerator generator, OperationStateInterface state) throws IOException {
        mapper.writerFor(OperationStateInterface.class).writeValue(generator, state);
    }

    /**
     * Final states as rows for the statements that record them: [{"id": …, "status": …, "result": {the state}}, …],
     * each state written once, straight into the rows.
     */
    public String finalRows(List<FinalState> states) {
        StringWriter text = new StringWriter(states.size() * 200);
        try (JsonGenerator rows = mapper.createGenerator(text)) {
            rows.writeStartArray();
            for (FinalState state : states) {
                rows.writeStartObject();
                rows.writeStringField("id", state.operationId());
                rows.writeStringField("status", OperationStatus.of(state.state()).name());
                rows.writeFieldName("result");
                write(rows, state.state());
                rows.writeEndObject();
            }
            rows.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("Final states that cannot be written as JSON", e);
        }
        return text.toString();
    }

    private abstract static class DerivedId {
        @JsonIgnore
        abstract String getId();
    }

    public OperationStateInterface read(String json) {
        try {
            return mapper.readValue(json, OperationStateInterface.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read an operation state from the ledger", e);
        }
    }
}
