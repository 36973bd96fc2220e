package io.asyncstorefront.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.asyncstorefront.error.ErrorCode;

/**
 * The extensions of an error under the contract, whether the gate refuses the request or graphql-java reports the
 * error: the code, then the details that go with it, each only where it applies.
 */
record ErrorExtensions(ErrorCode code, String argument, Integer limit, String reference,
        List<Map<String, Object>> violations) {

    static ErrorExtensions of(ErrorCode code) {
        return new ErrorExtensions(code, null, null, null, null);
    }

    static ErrorExtensions internal(String reference) {
        return new ErrorExtensions(ErrorCode.INTERNAL, null, null, reference, null);
    }

    ErrorExtensions withArgument(String argument) {
        return new ErrorExtensions(code, argument, limit, reference, violations);
    }

    ErrorExtensions withLimit(Integer limit) {
        return new ErrorExtensions(code, argument, limit, reference, violations);
    }

    ErrorExtensions withViolations(List<Map<String, Object>> violations) {
        return new ErrorExtensions(code, argument, limit, reference, violations);
    }

    Map<String, Object> toMap() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (argument != null) {
            extensions.put("argument", argument);
        }
        if (limit != null) {
            extensions.put("limit", limit);
        }
        if (reference != null) {
            extensions.put("reference", reference);
        }
        if (violations != null) {
            extensions.put("violations", violations);
        }
        return extensions;
    }
}
