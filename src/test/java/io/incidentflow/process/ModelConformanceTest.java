package io.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/** What an analyst may break by editing a model in Modeler, checked for every model we ship. */
@SpringBootTest
@ActiveProfiles("test")
class ModelConformanceTest {

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    @Autowired
    ApplicationContext context;

    @Test
    void everyUserTaskAndStartEventHasAFormThatIsDeployedWithIt() throws IOException {
        Set<String> formIds = formIds();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertFormRef(task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                // Processes that only other processes call (isStartableInTasklist="false") have no start form.
                if (start.getParentElement() instanceof Process process && process.isCamundaStartableInTasklist()) {
                    assertFormRef(start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds);
                }
            }
        }
    }

    @Test
    void everyServiceTaskCallsADelegateBean() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                String expression = task.getCamundaDelegateExpression();
                assertThat(expression).as(task.getId()).matches("\\$\\{[a-zA-Z]+Delegate}");
                String bean = expression.substring(2, expression.length() - 1);
                assertThat(context.containsBean(bean)).as(task.getId() + " → " + bean).isTrue();
                assertThat(context.getBean(bean)).isInstanceOf(org.camunda.bpm.engine.delegate.JavaDelegate.class);
            }
        }
    }

    @Test
    void everyElementHasDiagramLayout() throws IOException {
        for (BpmnModelInstance model : models()) {
            Set<String> drawn = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            List<BaseElement> elements = new ArrayList<>();
            elements.addAll(model.getModelElementsByType(FlowNode.class));
            elements.addAll(model.getModelElementsByType(SequenceFlow.class));
            assertThat(elements).isNotEmpty();
            for (BaseElement element : elements) {
                assertThat(drawn).as("diagram layout of " + element.getId()).contains(element.getId());
            }
        }
    }

    @Test
    void everyDecisionTableHasDiagramLayout() throws IOException {
        Resource[] decisions = RESOURCES.getResources("classpath*:processes/**/*.dmn");
        assertThat(decisions).isNotEmpty();
        for (Resource decision : decisions) {
            String xml = decision.getContentAsString(StandardCharsets.UTF_8);
            assertThat(xml).as(decision.getFilename()).contains("DMNDiagram").contains("historyTimeToLive");
        }
    }

    private static void assertFormRef(BaseElement element, String formRef, String binding, Set<String> formIds) {
        assertThat(formRef).as("form of " + element.getId()).isNotBlank();
        assertThat(binding).as("form binding of " + element.getId()).isIn("deployment", "latest", "version");
        assertThat(formIds).as("a deployed form with id " + formRef).contains(formRef);
    }

    private static Collection<BpmnModelInstance> models() throws IOException {
        Resource[] files = RESOURCES.getResources("classpath*:processes/**/*.bpmn");
        assertThat(files).isNotEmpty();
        List<BpmnModelInstance> models = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                models.add(Bpmn.readModelFromStream(in));
            }
        }
        return models;
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (Resource form : RESOURCES.getResources("classpath*:forms/**/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ids.add(json.readTree(in).path("id").asText());
            }
        }
        return ids;
    }
}
