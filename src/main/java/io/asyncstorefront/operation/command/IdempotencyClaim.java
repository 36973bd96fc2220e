package io.asyncstorefront.operation.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An operation recorded under an idempotency key: the key, the step (0 for a top-level mutation, the step's index in a
 * cart group) and the fingerprint of what the request asks, which a retry with the same key must match.
 */
public record IdempotencyClaim(String key, int step, String fingerprint) {

    /** The longest key; the column's width. */
    public static final int MAX_KEY_LENGTH = 255;

    /** A SHA-256 of the text, in hexadecimal: 64 characters whatever the input's size. */
    public static String fingerprintOf(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
