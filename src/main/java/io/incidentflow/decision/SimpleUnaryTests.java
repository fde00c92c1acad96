package io.incidentflow.decision;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An input entry made of literals ({@code 1}, {@code "network"}, {@code 1,2}), {@code -}, or one comparison
 * with a number ({@code < 3}, {@code >= 2}): evaluated the way FEEL does, or left to FEEL.
 */
final class SimpleUnaryTests {

    private final List<Function<Object, Optional<Boolean>>> tests;

    private SimpleUnaryTests(List<Function<Object, Optional<Boolean>>> tests) {
        this.tests = tests;
    }

    static Optional<SimpleUnaryTests> parse(String expression) {
        String text = expression.strip();
        if (text.equals("-")) {
            return Optional.of(new SimpleUnaryTests(List.of(input -> Optional.of(true))));
        }
        Optional<Function<Object, Optional<Boolean>>> comparison = comparison(text);
        if (comparison.isPresent()) {
            return Optional.of(new SimpleUnaryTests(List.of(comparison.get())));
        }
        List<Function<Object, Optional<Boolean>>> literals = new ArrayList<>();
        for (String part : splitOutsideQuotes(text)) {
            Optional<FeelLiteral> literal = FeelLiteral.parse(part);
            if (literal.isEmpty()) {
                return Optional.empty();
            }
            literals.add(literal.get()::equalTo);
        }
        return literals.isEmpty() ? Optional.empty() : Optional.of(new SimpleUnaryTests(literals));
    }

    /** True when any test matches; empty as soon as one of them needs FEEL's judgement. */
    Optional<Boolean> test(Object input) {
        for (Function<Object, Optional<Boolean>> test : tests) {
            Optional<Boolean> result = test.apply(input);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            if (result.get()) {
                return result;
            }
        }
        return Optional.of(false);
    }

    private static Optional<Function<Object, Optional<Boolean>>> comparison(String text) {
        for (String operator : List.of("<=", ">=", "<", ">")) {
            if (text.startsWith(operator)) {
                Optional<FeelLiteral> bound = FeelLiteral.parse(text.substring(operator.length()));
                if (bound.isEmpty() || !(bound.get().value() instanceof BigDecimal limit)) {
                    return Optional.empty();
                }
                return Optional.of(input -> SimpleNumbers.decimal(input).map(value -> compare(value, operator, limit)));
            }
        }
        return Optional.empty();
    }

    private static boolean compare(BigDecimal value, String operator, BigDecimal limit) {
        int order = value.compareTo(limit);
        return switch (operator) {
            case "<=" -> order <= 0;
            case ">=" -> order >= 0;
            case "<" -> order < 0;
            default -> order > 0;
        };
    }

    /** Commas inside string literals are not separators; an unbalanced quote makes it FEEL's. */
    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            return List.of();
        }
        parts.add(part.toString());
        return parts;
    }
}
