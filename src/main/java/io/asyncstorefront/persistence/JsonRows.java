package io.asyncstorefront.persistence;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Rows for multi-row statements: a batch travels as one JSON array parameter and is read back with
 * jsonb_to_recordset(cast(cast(:rows as text) as jsonb)), so that N rows cost one statement. Text first: bound to a jsonb
 * parameter, a string would become a JSON string.
 */
@ApplicationScoped
public class JsonRows {

    private final ObjectMapper mapper;

    public JsonRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String of(Collection<?> rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Rows that cannot be written as JSON", e);
        }
    }

    /** A statement's answer of one row of JSON, as a tree. */
    public JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A statement answered unreadable JSON", e);
        }
    }
}
