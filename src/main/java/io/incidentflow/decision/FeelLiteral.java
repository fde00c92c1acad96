package io.incidentflow.decision;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** A FEEL literal this package evaluates itself: a number, a string without escapes, or a boolean. */
record FeelLiteral(Object value) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");

    static Optional<FeelLiteral> parse(String text) {
        String literal = text.strip();
        if (NUMBER.matcher(literal).matches()) {
            return Optional.of(new FeelLiteral(new BigDecimal(literal)));
        }
        if (STRING.matcher(literal).matches()) {
            return Optional.of(new FeelLiteral(literal.substring(1, literal.length() - 1)));
        }
        if (literal.equals("true") || literal.equals("false")) {
            return Optional.of(new FeelLiteral(Boolean.valueOf(literal)));
        }
        return Optional.empty();
    }

    /** The Java value FEEL answers for it: whole numbers as Long, others as Double, like Camunda's value mapper. */
    Object javaValue() {
        return value instanceof BigDecimal number ? javaNumber(number) : value;
    }

    static Object javaNumber(BigDecimal number) {
        return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                ? (Object) number.longValueExact() : (Object) number.doubleValue();
    }

    /** Equality as FEEL sees it for these types; empty when the types differ and FEEL should judge. */
    Optional<Boolean> equalTo(Object input) {
        if (input == null) {
            return Optional.of(false);
        }
        if (value instanceof BigDecimal number) {
            return SimpleNumbers.decimal(input).map(decimal -> decimal.compareTo(number) == 0);
        }
        if (value.getClass().isInstance(input)) {
            return Optional.of(value.equals(input));
        }
        return Optional.empty();
    }
}
