package io.incidentflow.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Model deployments and their deletion go to the audit log, however they reach the engine: Modeler and other clients
 * through /engine-rest, Cockpit, or the app's own deployment of processes/ and forms/ at start-up. An engine plugin
 * wraps the deploy and delete commands inside the engine's transaction, so a deployment and its audit entry commit
 * together; the actor is the user the engine authenticated (HTTP Basic on /engine-rest). Deployments made while the
 * application starts (before our tables may exist) are written once it is ready.
 */
@Component
class DeploymentAudit extends AbstractProcessEnginePlugin {

    static final String TARGET = "deployment";

    private final ObjectProvider<AuditLog> auditLog;
    private final ObjectProvider<TransactionTemplate> transaction;
    private final List<Entry> atStartup = new ArrayList<>();
    private volatile boolean ready;

    DeploymentAudit(ObjectProvider<AuditLog> auditLog, ObjectProvider<TransactionTemplate> transaction) {
        this.auditLog = auditLog;
        this.transaction = transaction;
    }

    private record Entry(String actor, String action, String deploymentId, Map<String, Object> details) {
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        // "Post": inside the engine's command context and its (Spring) transaction.
        interceptors.add(new Interceptor());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void writeStartupDeployments() {
        synchronized (atStartup) {
            ready = true;
            if (!atStartup.isEmpty()) {
                transaction.getObject().executeWithoutResult(status -> atStartup.forEach(this::write));
                atStartup.clear();
            }
        }
    }

    private void record(Entry entry) {
        if (ready) {
            write(entry);
            return;
        }
        synchronized (atStartup) {
            if (ready) {
                write(entry);
            } else {
                atStartup.add(entry);
            }
        }
    }

    private void write(Entry entry) {
        auditLog.getObject().record(entry.actor(), entry.action(), TARGET, entry.deploymentId(), entry.details());
    }

    private static String actor() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    }

    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof DeleteDeploymentCmd) {
                T result = next.execute(command);
                record(new Entry(actor(), "delete-deployment", deploymentId((DeleteDeploymentCmd) command),
                        Map.of()));
                return result;
            }
            if (!(command instanceof DeployCmd)) {
                return next.execute(command);
            }
            Date started = ClockUtil.getCurrentTime();
            T result = next.execute(command);
            // With duplicate filtering an unchanged deployment answers the existing one: nothing was deployed.
            if (result instanceof DeploymentWithDefinitions deployment && deployment.getDeploymentTime() != null
                    && !deployment.getDeploymentTime().before(started)) {
                record(new Entry(actor(), "deploy", deployment.getId(), details(deployment)));
            }
            return result;
        }

        private Map<String, Object> details(DeploymentWithDefinitions deployment) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", String.valueOf(deployment.getName()));
            details.put("source", String.valueOf(deployment.getSource()));
            List<String> definitions = new ArrayList<>();
            if (deployment.getDeployedProcessDefinitions() != null) {
                for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
                    definitions.add(definition.getKey() + ":" + definition.getVersion());
                }
            }
            details.put("processDefinitions", definitions);
            List<String> decisions = new ArrayList<>();
            if (deployment.getDeployedDecisionDefinitions() != null) {
                deployment.getDeployedDecisionDefinitions()
                        .forEach(decision -> decisions.add(decision.getKey() + ":" + decision.getVersion()));
            }
            details.put("decisionDefinitions", decisions);
            // The new resources are not flushed yet (that happens when the command closes): read the cache.
            details.put("resources", Context.getCommandContext().getDbEntityManager()
                    .getCachedEntitiesByType(ResourceEntity.class).stream()
                    .filter(resource -> deployment.getId().equals(resource.getDeploymentId()))
                    .map(ResourceEntity::getName).sorted().toList());
            return details;
        }

        /** The command keeps its deployment id to itself (protected, no getter). */
        private String deploymentId(DeleteDeploymentCmd command) {
            try {
                var field = DeleteDeploymentCmd.class.getDeclaredField("deploymentId");
                field.setAccessible(true);
                return String.valueOf(field.get(command));
            } catch (ReflectiveOperationException e) {
                return "unknown";
            }
        }
    }
}
