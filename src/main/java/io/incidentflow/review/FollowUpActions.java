package io.incidentflow.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incidentflow.incident.IncidentValidationException;
import io.incidentflow.incident.IncidentValidationException.FieldError;

/**
 * The review form's follow-up actions. form-js 1.8.7 (Tasklist 7.24) has no dynamic list, so the form asks for
 * one action per line as {@code owner: action}; a Japanese full-width colon (：) works as well. Blank lines
 * are skipped.
 */
final class FollowUpActions {

    static final String FIELD = "followUpActions";
    private static final Pattern LINE = Pattern.compile("^\\s*([^:：]{1,100}?)\\s*[:：]\\s*(\\S.*?)\\s*$");

    record Action(String owner, String action) {
    }

    private FollowUpActions() {
    }

    /** Every line an action with its owner, or a problem naming each line that is not. */
    static List<Action> parse(String text) {
        List<Action> actions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (text == null) {
            return actions;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher matcher = LINE.matcher(lines[i]);
            if (matcher.matches()) {
                actions.add(new Action(matcher.group(1), matcher.group(2)));
            } else {
                errors.add(new FieldError(FIELD, "line " + (i + 1) + " must read \"owner: action\""));
            }
        }
        if (!errors.isEmpty()) {
            throw new IncidentValidationException(errors);
        }
        return actions;
    }
}
