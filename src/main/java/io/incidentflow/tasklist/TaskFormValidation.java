package io.incidentflow.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Camunda Form validates in the browser only; anyone with the task can complete it through the REST
 * API with any values. This checks every completion against the task's deployed form and turns
 * numeric answers into numbers (Tasklist sends a selected "4" as a String).
 */
@Component
class TaskFormValidation {

    private final FormService formService;
    private final ObjectMapper objectMapper;

    TaskFormValidation(FormService formService, ObjectMapper objectMapper) {
        this.formService = formService;
        this.objectMapper = objectMapper;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onTaskCompleted(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || element.getCamundaFormRef() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (FormRules.Field field : rulesOf(task).fields()) {
            check(task, field, problems);
        }
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(problems, String.join("; ", problems));
        }
    }

    private void check(DelegateTask task, FormRules.Field field, List<String> problems) {
        Object value = task.getVariable(field.key());
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            // A field shown only under a condition cannot be required when it is hidden.
            if (field.required() && !field.conditional()) {
                problems.add(field.label() + " (" + field.key() + "): 必須です / is required");
            }
            return;
        }
        if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(text)) {
            problems.add(field.label() + " (" + field.key() + "): 選択肢にない値です / must be one of "
                    + field.allowedValues().stream().sorted().toList());
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            problems.add(field.label() + " (" + field.key() + "): " + field.maxLength()
                    + " 文字以内 / at most " + field.maxLength() + " characters");
        }
        if (field.numeric()) {
            checkNumber(task, field, text, problems);
        }
    }

    private void checkNumber(DelegateTask task, FormRules.Field field, String text, List<String> problems) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(field.label() + " (" + field.key() + "): 数値ではありません / is not a number");
            return;
        }
        if ((field.min() != null && number.doubleValue() < field.min())
                || (field.max() != null && number.doubleValue() > field.max())) {
            problems.add(field.label() + " (" + field.key() + "): 範囲外です / is out of range");
            return;
        }
        boolean integral = number.stripTrailingZeros().scale() <= 0
                && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        task.setVariable(field.key(), integral ? (Object) number.intValue() : number.doubleValue());
    }

    private FormRules rulesOf(DelegateTask task) {
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return FormRules.of(objectMapper.readTree(form));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form of task " + task.getTaskDefinitionKey(), e);
        }
    }
}
