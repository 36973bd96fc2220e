package io.asyncstorefront.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import graphql.GraphQLContext;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP request that an execution answers, for resolvers: the edge puts it in the execution's context as the
 * execution starts (ErrorContract), since a resolver may run on another thread than the request's. Absent over
 * WebSocket.
 */
public final class HttpRequests {

    static final String KEY = HttpRequests.class.getName();

    private HttpRequests() {
    }

    public static Optional<RoutingContext> of(GraphQLContext execution) {
        return execution == null ? Optional.empty() : Optional.ofNullable(execution.get(KEY));
    }

    /**
     * The seconds of the preference wait=N (RFC 7240) among the request's Prefer headers: the first one stated, as a
     * non-negative integer; absent if none is stated, or if its value is not one (a preference the server ignores).
     */
    public static OptionalLong preferredWait(List<String> preferHeaders) {
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                // A preference may carry parameters after ';', which wait does not take.
                String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
                if (!nameAndValue[0].trim().toLowerCase(Locale.ROOT).equals("wait")) {
                    continue;
                }
                if (nameAndValue.length < 2) {
                    return OptionalLong.empty();
                }
                String value = nameAndValue[1].trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Long.parseLong(value));
            }
        }
        return OptionalLong.empty();
    }
}
