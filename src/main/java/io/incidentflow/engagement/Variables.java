package io.incidentflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
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
     * already deleted in this transaction, so its retries are read as committed, in a transaction of their own. The
     * job belongs to the execution that arrived at the step, which is the step's parent when the step is a scope
     * of its own (it has a boundary event).
     */
    static boolean lastAttempt(DelegateExecution execution) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) execution.getProcessEngine()
                .getProcessEngineConfiguration();
        Job job = configuration.getCommandExecutorTxRequiresNew().execute(context -> {
            Job own = jobOf(context, execution.getId(), execution.getCurrentActivityId());
            return own != null || execution.getParentId() == null ? own
                    : jobOf(context, execution.getParentId(), execution.getCurrentActivityId());
        });
        return job != null && job.getRetries() <= 1 && job.getExceptionMessage() != null;
    }

    private static Job jobOf(CommandContext context, String executionId, String activityId) {
        JobQueryImpl query = new JobQueryImpl();
        query.executionId(executionId).activityId(activityId);
        return query.executeSingleResult(context);
    }
}
