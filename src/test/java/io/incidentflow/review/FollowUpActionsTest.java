package io.incidentflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.review.FollowUpActions.Action;

import org.junit.jupiter.api.Test;

class FollowUpActionsTest {

    @Test
    void eachLineIsAnOwnerAndAnAction() {
        assertThat(FollowUpActions.parse(" 山田 花子 : 手順書を更新 \r\n\ntanaka：監視を追加\nops: see https://wiki/x"))
                .containsExactly(new Action("山田 花子", "手順書を更新"), new Action("tanaka", "監視を追加"),
                        new Action("ops", "see https://wiki/x"));
    }

    @Test
    void noTextMeansNoActions() {
        assertThat(FollowUpActions.parse(null)).isEmpty();
        assertThat(FollowUpActions.parse("\n  \n")).isEmpty();
    }

    @Test
    void everyLineWithoutOwnerOrActionIsNamed() {
        assertThatThrownBy(() -> FollowUpActions.parse("no owner here\ntanaka:\n: nobody"))
                .isInstanceOfSatisfying(IncidentValidationException.class, e -> assertThat(e.errors())
                        .extracting(IncidentValidationException.FieldError::message)
                        .containsExactly("line 1 must read \"owner: action\"", "line 2 must read \"owner: action\"",
                                "line 3 must read \"owner: action\""));
    }
}
