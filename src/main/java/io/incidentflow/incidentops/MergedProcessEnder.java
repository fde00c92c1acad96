package io.incidentflow.incidentops;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Ends a merged duplicate's process instance: deleted with the reason "Merged into …", which Camunda's history
 * keeps, as the acting user, whom Camunda's user operation log names. Our API already decided that the user may
 * merge; the engine's own check is skipped for this one deletion, so mergers need no right to delete any
 * process instance through the engine REST API.
 */
@Component
class MergedProcessEnder {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final CommandExecutor commands;

    MergedProcessEnder(ProcessEngine engine) {
        this.runtimeService = engine.getRuntimeService();
        this.identityService = engine.getIdentityService();
        this.commands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
    }

    void end(String processInstanceId, String reason, String actor, List<String> groups) {
        if (processInstanceId == null
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(actor, groups == null ? List.of() : groups);
        try {
            commands.execute(context -> {
                // The nested call joins this command context, so it runs without the authorization check.
                context.disableAuthorizationCheck();
                try {
                    // Custom listeners are skipped: they would act on an incident that is closed already.
                    runtimeService.deleteProcessInstance(processInstanceId, reason, true, true);
                } finally {
                    context.enableAuthorizationCheck();
                }
                return null;
            });
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }
}
