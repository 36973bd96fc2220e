package io.asyncstorefront.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Keyset pages: a cursor is the opaque form of the last key of a page, so that reading on costs the same on every page
 * and entities created meanwhile are neither skipped nor read twice.
 */
public final class Pages {

    public static final int MAX_FIRST = 100;
    private static final String PREFIX = "key:";

    private Pages() {
    }

    /** The key after which the page starts, null for the first page; checks first and after. */
    private static String keyAfter(int first, String after) throws ClientException {
        if (first < 1 || first > MAX_FIRST) {
            throw new ClientException(ErrorCode.BAD_USER_INPUT,
                    "first must be 1 to %d; it is %d".formatted(MAX_FIRST, first), "first", MAX_FIRST);
        }
        if (after == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX) && StorableText.problemOf(decoded) == null) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ClientException(ErrorCode.BAD_USER_INPUT,
                "after must be a cursor this service gave (pageInfo.endCursor)", "after", null);
    }

    /**
     * Reads the page of first entities after the cursor: rows(key, limit) reads up to limit entities after the key in
     * key order, one more than the page, to tell whether a next page exists.
     */
    public static <N, P> Uni<P> read(int first, String after, BiFunction<String, Integer, Uni<List<N>>> rows,
            Function<N, String> key, BiFunction<List<N>, PageInfo, P> page) throws ClientException {
        return rows.apply(keyAfter(first, after), first + 1)
                .map(read -> page.apply(nodesOf(read, first), infoOf(read, first, key)));
    }

    private static <N> PageInfo infoOf(List<N> rows, int first, Function<N, String> key) {
        boolean more = rows.size() > first;
        List<N> page = more ? rows.subList(0, first) : rows;
        String end = page.isEmpty() ? null
                : Base64.getUrlEncoder().withoutPadding()
                        .encodeToString((PREFIX + key.apply(page.get(page.size() - 1))).getBytes(StandardCharsets.UTF_8));
        return new PageInfo(more, end);
    }

    private static <N> List<N> nodesOf(List<N> rows, int first) {
        return rows.size() > first ? List.copyOf(rows.subList(0, first)) : rows;
    }
}
