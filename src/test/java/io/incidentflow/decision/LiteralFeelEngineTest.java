package io.incidentflow.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The short cut must answer exactly what FEEL answers: every case here is asked of both. */
class LiteralFeelEngineTest {

    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
    private static final FeelEngine LITERAL = new LiteralFeelEngine(FEEL);

    private static final List<String> UNARY_TESTS = List.of("1", "2", " 3 ", "-1", "1.5", "1,2", "1, 2, 3", "-",
            "\"network\"", "\"database\",\"network\"", "\"a,b\"", "\"日本語\"", "true", "false", "< 3", "<= 3",
            "> 2", ">= 2", "<2.5", "not(1)", "[1..3]", "\"x\" ", "\"unbalanced", "null");
    private static final List<Object> INPUTS = Arrays.asList(1, 2, 3, 0, -1, 1L, 2L, 1.5, 2.5d, "network",
            "database", "a,b", "日本語", "x", true, false, null);
    private static final List<String> EXPRESSIONS = List.of("1", "-7", "2.50", "\"PT15M\"", "\"日本語\"", "true",
            "impact", "service", "flag", "missing", "impact + 1", "null");

    static Stream<Arguments> unaryTestsAndInputs() {
        List<Arguments> cases = new ArrayList<>();
        for (String test : UNARY_TESTS) {
            for (Object input : INPUTS) {
                cases.add(Arguments.of(test, input));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("unaryTestsAndInputs")
    void unaryTestsMatchWhatFeelAnswers(String test, Object input) {
        VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();

        assertThat(outcome(() -> LITERAL.evaluateSimpleUnaryTests(test, "cellInput", context)))
                .isEqualTo(outcome(() -> FEEL.evaluateSimpleUnaryTests(test, "cellInput", context)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressions")
    void expressionsGiveWhatFeelGivesWithTheSameJavaType(String expression) {
        VariableContext context = Variables.createVariables().putValue("impact", 3).putValue("service", "vpn")
                .putValue("flag", true).asVariableContext();

        Object feel = outcome(() -> FEEL.evaluateSimpleExpression(expression, context));
        Object literal = outcome(() -> LITERAL.evaluateSimpleExpression(expression, context));

        assertThat(literal).isEqualTo(feel);
        assertThat(literal == null ? null : literal.getClass()).isEqualTo(feel == null ? null : feel.getClass());
    }

    static Stream<String> expressions() {
        return EXPRESSIONS.stream();
    }

    static Stream<Arguments> priorityMatrixInputs() {
        List<Arguments> cases = new ArrayList<>();
        for (int impact = 0; impact <= 6; impact++) {
            for (int urgency = 0; urgency <= 4; urgency++) {
                cases.add(Arguments.of(impact, urgency));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "impact {0}, urgency {1}")
    @MethodSource("priorityMatrixInputs")
    void thePriorityMatrixDecidesAsWithPlainFeel(int impact, int urgency) {
        Map<String, Object> variables = Map.of("impact", impact, "urgency", urgency);

        assertThat(decide("priority-matrix", variables, true)).isEqualTo(decide("priority-matrix", variables, false));
    }

    static Stream<Arguments> routingInputs() {
        List<String> services = Arrays.asList("vpn", "customer-db", "web-shop", "", null);
        List<String> categories = Arrays.asList("network", "database", "application", "server", "", null);
        List<Arguments> cases = new ArrayList<>();
        for (String service : services) {
            for (String category : categories) {
                cases.add(Arguments.of(service, category));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "service {0}, category {1}")
    @MethodSource("routingInputs")
    void theAssignmentRoutingDecidesAsWithPlainFeel(String service, String category) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("service", service);
        variables.put("category", category);

        assertThat(decide("assignment-routing", variables, true))
                .isEqualTo(decide("assignment-routing", variables, false));
    }

    /** The answer, or the failure: both engines must fail alike too. */
    private static Object outcome(java.util.function.Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The whole result, or the failure's message: both engines must fail alike too. */
    private static Object decide(String decision, Map<String, Object> variables, boolean literal) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (literal) {
            configuration.feelEngineFactory(() -> new LiteralFeelEngine(new ScalaFeelEngineFactory().createInstance()));
        }
        DmnEngine engine = configuration.buildEngine();
        try (InputStream model = LiteralFeelEngineTest.class.getResourceAsStream("/processes/" + decision + ".dmn")) {
            DmnDecision parsed = engine.parseDecision(decision, model);
            DmnDecisionTableResult result = engine.evaluateDecisionTable(parsed, variables);
            return result.getResultList();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
