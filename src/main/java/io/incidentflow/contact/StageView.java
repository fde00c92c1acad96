package io.incidentflow.contact;

import java.util.List;

/** A stage of the engagement plan as the API shows it. */
record StageView(long channelId, int afterMinutes, ChannelView channel) {

    static StageView of(EngagementStage stage) {
        return new StageView(stage.channel().id(), stage.afterMinutes(), ChannelView.of(stage.channel()));
    }

    static List<StageView> of(List<EngagementStage> stages) {
        return stages.stream().map(StageView::of).toList();
    }
}
