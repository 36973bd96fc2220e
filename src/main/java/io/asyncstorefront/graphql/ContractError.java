package io.asyncstorefront.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/** An error as the contract shows it: no classification, the code and its details in extensions. */
record ContractError(String message, List<SourceLocation> locations, List<Object> path,
        Map<String, Object> extensions) implements GraphQLError {

    /** The error at the place of the one it replaces. */
    ContractError(String message, GraphQLError replaced, ErrorExtensions extensions) {
        this(message, replaced.getLocations(), replaced.getPath(), extensions.toMap());
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** For the server's own use; not shown: the contract's code replaces it. */
    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }

    @Override
    public Map<String, Object> toSpecification() {
        Map<String, Object> specification = new LinkedHashMap<>();
        specification.put("message", message);
        if (locations != null && !locations.isEmpty()) {
            specification.put("locations", locations.stream()
                    .map(at -> Map.of("line", at.getLine(), "column", at.getColumn())).toList());
        }
        if (path != null) {
            specification.put("path", path);
        }
        specification.put("extensions", extensions);
        return specification;
    }
}
