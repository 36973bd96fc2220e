package io.asyncstorefront.persistence;

/**
 * The lengths of the columns that input is stored in, in one place: input constraints and aggregate keys are derived
 * from them, so that whatever is accepted can be stored; ColumnLengthsTest checks them against the migrated schema.
 */
public final class Columns {

    public static final int SKU = 64;
    public static final int PRODUCT_NAME = 255;
    public static final int EMAIL = 254;
    public static final int PERSON_NAME = 100;
    public static final int CART_MASK = 64;
    /** The longest aggregate key: a kind's prefix and the longest identifier of that kind. */
    public static final int AGGREGATE_KEY = 300;

    private Columns() {
    }
}
