package io.incidentflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssignmentRoutingTest {

    private static DmnEngine dmnEngine;
    private static DmnDecision assignmentRouting;

    @BeforeAll
    static void parseDecision() throws IOException {
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = AssignmentRoutingTest.class.getResourceAsStream("/processes/assignment-routing.dmn")) {
            assignmentRouting = dmnEngine.parseDecision("assignment-routing", model);
        }
    }

    // An empty cell is a variable the form left out (null).
    @ParameterizedTest(name = "{0}: category {1}, service {2} -> {3}")
    @CsvSource({
        "customer-db service,                 application, customer-db, database",
        "customer-db service beats category,  network,     customer-db, database",
        "customer-db service without category, ,           customer-db, database",
        "vpn service,                         application, vpn,         network",
        "vpn service beats category,          database,    vpn,         network",
        "network category,                    network,     mail,        network",
        "network category without service,    network,     ,            network",
        "database category,                   database,    erp,         database",
        "database category without service,   database,    ,            database",
        "fallback for application,            application, erp,         application",
        "fallback for server,                 server,      ,            application",
        "fallback for other,                  other,       wiki,        application",
        "fallback without anything,           ,            ,            application",
    })
    void routesToResolverGroup(String scenario, String category, String service, String resolverGroup) {
        DmnDecisionResult result = dmnEngine.evaluateDecision(assignmentRouting,
                Variables.createVariables().putValue("category", category).putValue("service", service));

        assertThat(result.<String>getSingleEntry()).isEqualTo(resolverGroup);
    }
}
