package io.incidentflow.engagement;

import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Resolve stage targets: the stage's contacts and whoever is on call in its schedules right now, and when the stage
 * is over. Kept in the stage's own scope; the round counts up at each round's first stage.
 */
@Component("resolveStageTargetsDelegate")
class ResolveStageTargetsDelegate implements JavaDelegate {

    private final EngagementService engagement;

    ResolveStageTargetsDelegate(EngagementService engagement) {
        this.engagement = engagement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int stage = Variables.integer(execution, "loopCounter") + 1;
        int round = Variables.integer(execution, "round") + (stage == 1 ? 1 : 0);
        execution.getProcessInstance().setVariable("round", round);
        EngagementService.StageRun run = engagement.engageStage(Variables.incidentId(execution),
                Variables.text(execution, "responsePlan"), Variables.text(execution, "escalationPlan"), round, stage);
        execution.setVariableLocal("stage", stage);
        execution.setVariableLocal("targets", new ArrayList<>(run.contactIds()));
        execution.setVariableLocal("stageEndsAt", Date.from(run.endsAt()));
        execution.setVariableLocal("ackStopsPlan", run.acknowledgementStopsPlan());
        execution.setVariableLocal("alreadyAcknowledged", run.alreadyAcknowledged());
        execution.setVariableLocal("escalating", round > 1 || stage > 1);
    }
}
