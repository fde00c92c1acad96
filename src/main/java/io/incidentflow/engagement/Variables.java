package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;

/** Reads the engagement's process variables, whichever number type the engine hands back. */
final class Variables {

    private Variables() {
    }

    static long incidentId(DelegateExecution execution) {
        return number(execution, "incidentId").longValue();
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    static int integer(DelegateExecution execution, String name) {
        return number(execution, name).intValue();
    }

    static Number number(DelegateExecution execution, String name) {
        return number(execution.getVariable(name), name);
    }

    static Number number(Object value, String name) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.valueOf(text.strip());
        }
        throw new IllegalStateException("Variable " + name + " must be a number, was " + value);
    }

    /**
     * Whether this run of the step's job is its last (retries are down to 1 after earlier failures): then a failed
     * delivery is given up and recorded instead of failing the job into an engine incident. The running job is
     * already deleted in this transaction, so its retries are read as committed, in a transaction of their own.
     */
    static boolean lastAttempt(DelegateExecution execution) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) execution.getProcessEngine()
                .getProcessEngineConfiguration();
        Job job = configuration.getCommandExecutorTxRequiresNew().execute(context -> new JobQueryImpl()
                .executionId(execution.getId())
                .activityId(execution.getCurrentActivityId())
                .executeSingleResult(context));
        return job != null && job.getRetries() <= 1 && job.getExceptionMessage() != null;
    }
}
