package io.asyncstorefront.graphql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * Decimal amounts as clients keep them: answered as a JSON string with their scale ("12.50"), which no JavaScript
 * client rounds to 12.5; taken as a string or a number. ClientSchema puts it in place of SmallRye GraphQL's BigDecimal.
 */
final class DecimalScalar {

    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar().name("Decimal")
            .description("A decimal number, answered as a JSON string with its stored scale, such as \"12.50\", so that "
                    + "no client rounds it. Inputs may be a string or a number.")
            .coercing(new DecimalCoercing()).build();

    private DecimalScalar() {
    }

    /** Decimal: a plain decimal string out; a string or a JSON number in, never NaN, an infinity or an exponent. */
    private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        private static final Pattern PLAIN = Pattern.compile("-?\\d{1,50}(\\.\\d{1,50})?");

        @Override
        public String serialize(Object value) {
            BigDecimal decimal = decimal(value);
            if (decimal == null) {
                throw new CoercingSerializeException("A Decimal must be a decimal number");
            }
            return decimal.toPlainString();
        }

        @Override
        public BigDecimal parseValue(Object input) {
            BigDecimal value = decimal(input);
            if (value == null) {
                throw new CoercingParseValueException("Expected a decimal number such as \"12.50\"");
            }
            return value;
        }

        @Override
        public BigDecimal parseLiteral(Object input) {
            BigDecimal value = input instanceof StringValue text ? decimal(text.getValue())
                    : input instanceof IntValue integer ? new BigDecimal(integer.getValue())
                            : input instanceof FloatValue fraction ? fraction.getValue() : null;
            if (value == null) {
                throw new CoercingParseLiteralException("Expected a decimal number such as \"12.50\"");
            }
            return value;
        }

        @Override
        public Value<?> valueToLiteral(Object input) {
            return StringValue.of(serialize(input));
        }

        private static BigDecimal decimal(Object input) {
            if (input instanceof String text) {
                return PLAIN.matcher(text).matches() ? new BigDecimal(text) : null;
            }
            if (input instanceof BigDecimal decimal) {
                return decimal;
            }
            if (input instanceof BigInteger || input instanceof Long || input instanceof Integer) {
                return new BigDecimal(input.toString());
            }
            if (input instanceof Double || input instanceof Float) {
                double number = ((Number) input).doubleValue();
                return Double.isFinite(number) ? new BigDecimal(Double.toString(number)) : null;
            }
            return null;
        }
    }
}
