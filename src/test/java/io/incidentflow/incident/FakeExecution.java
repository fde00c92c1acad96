package io.incidentflow.incident;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A DelegateExecution whose variables live in a map (Camunda 7.24 ships no DelegateExecutionFake):
 * what a delegate reads, writes and removes can be checked on {@link #variables()}.
 */
final class FakeExecution {

    static final String PROCESS_INSTANCE_ID = "pi-1";

    private final Map<String, Object> variables = new HashMap<>();
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private String businessKey;

    FakeExecution(Map<String, ?> initial) {
        variables.putAll(initial);
        when(execution.getProcessInstanceId()).thenReturn(PROCESS_INSTANCE_ID);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        when(execution.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
        when(execution.getVariables()).thenAnswer(call -> new HashMap<>(variables));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariable(anyString(), any());
        doAnswer(call -> variables.remove(call.<String>getArgument(0))).when(execution).removeVariable(anyString());
        when(execution.getProcessBusinessKey()).thenAnswer(call -> businessKey);
        doAnswer(call -> businessKey = call.getArgument(0)).when(execution).setProcessBusinessKey(any());
    }

    static FakeExecution with(Map<String, ?> variables) {
        return new FakeExecution(variables);
    }

    DelegateExecution execution() {
        return execution;
    }

    Map<String, Object> variables() {
        return variables;
    }

    String businessKey() {
        return businessKey;
    }
}
