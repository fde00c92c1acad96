package io.incidentflow.decision;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** An input expression or output entry that is a literal or a variable's name. */
final class SimpleExpression {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "in", "if",
            "then", "else", "for", "return", "some", "every", "satisfies", "instance", "of", "function", "between");

    private final FeelLiteral literal;
    private final String variable;

    private SimpleExpression(FeelLiteral literal, String variable) {
        this.literal = literal;
        this.variable = variable;
    }

    static Optional<SimpleExpression> parse(String expression) {
        Optional<FeelLiteral> literal = FeelLiteral.parse(expression);
        if (literal.isPresent()) {
            return Optional.of(new SimpleExpression(literal.get(), null));
        }
        String name = expression.strip();
        return NAME.matcher(name).matches() && !KEYWORDS.contains(name)
                ? Optional.of(new SimpleExpression(null, name)) : Optional.empty();
    }

    /** Empty when FEEL should answer: an unknown variable, or a value whose mapping only FEEL knows. */
    Optional<Object> evaluate(VariableContext context) {
        if (literal != null) {
            return Optional.of(literal.javaValue());
        }
        if (!context.containsVariable(variable)) {
            return Optional.empty();
        }
        TypedValue typed = context.resolve(variable);
        Object value = typed == null ? null : typed.getValue();
        if (value instanceof String || value instanceof Boolean) {
            return Optional.of(value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(((Number) value).longValue());
        }
        return Optional.empty();
    }
}
