package io.asyncstorefront.operation.ledger;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Operation identifiers: 40 lowercase hex characters from 160 random bits, so that they cannot be guessed. */
public final class OperationIdentifiers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{40}");

    private OperationIdentifiers() {
    }

    public static String next() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static boolean isWellFormed(String identifier) {
        return identifier != null && FORMAT.matcher(identifier).matches();
    }
}
