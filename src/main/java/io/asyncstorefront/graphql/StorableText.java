package io.asyncstorefront.graphql;

/**
 * Text that the database stores as given: no control characters (PostgreSQL refuses NUL; the others are never meant in a
 * storefront's names and keys) and no unpaired surrogate halves (they have no UTF-8 form).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or null when it can. */
    public static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains the control character U+%04X at position %d; text must not contain control characters"
                        .formatted((int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate U+%04X at position %d; text must be valid Unicode"
                        .formatted((int) c, i);
            }
        }
        return null;
    }
}
