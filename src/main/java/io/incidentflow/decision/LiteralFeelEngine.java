package io.incidentflow.decision;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;

/**
 * FEEL with a short cut for what decision tables are mostly made of: literals, lists of literals, simple
 * comparisons and variable names. The Scala FEEL engine parses every entry again and builds its built-in
 * functions for every evaluation, which took more than half of the CPU of opening an incident; these
 * entries are parsed once here and give the same answers. Everything else goes to FEEL unchanged.
 */
final class LiteralFeelEngine implements FeelEngine {

    // Entries come from deployed tables, a bounded set; the limit only guards against generated expressions.
    private static final int CACHE_LIMIT = 10_000;

    private final FeelEngine feel;
    private final Map<String, Optional<SimpleExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Optional<SimpleUnaryTests>> unaryTests = new ConcurrentHashMap<>();

    LiteralFeelEngine(FeelEngine feel) {
        this.feel = feel;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
        Optional<Object> value = parsed(expressions, expression, SimpleExpression::parse)
                .flatMap(simple -> simple.evaluate(context));
        return value.isPresent() ? (T) value.get() : feel.evaluateSimpleExpression(expression, context);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext context) {
        Object input = context.containsVariable(inputVariable) ? context.resolve(inputVariable).getValue() : null;
        Optional<Boolean> matches = parsed(unaryTests, expression, SimpleUnaryTests::parse)
                .flatMap(tests -> tests.test(input));
        return matches.orElseGet(() -> feel.evaluateSimpleUnaryTests(expression, inputVariable, context));
    }

    private static <P> Optional<P> parsed(Map<String, Optional<P>> cache, String expression,
            Function<String, Optional<P>> parser) {
        Optional<P> cached = cache.get(expression);
        if (cached != null) {
            return cached;
        }
        Optional<P> parsed = parser.apply(expression);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(expression, parsed);
        }
        return parsed;
    }
}
