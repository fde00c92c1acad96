package io.incidentflow.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The comment a restart runbook leaves on the incident, one line per thing that happened, ja / en. */
final class RestartNote {

    private RestartNote() {
    }

    static String of(Map<String, Object> variables) {
        List<String> lines = new ArrayList<>();
        lines.add("対象サービス / Service: " + variables.get("service"));
        if (!"restart".equals(variables.get("restartDecision"))) {
            lines.add("再起動は不要と判断 / Restart judged not needed");
            add(lines, "確認メモ / Check note", variables.get("checkNote"));
            return String.join("\n", lines);
        }
        add(lines, "確認メモ / Check note", variables.get("checkNote"));
        add(lines, "再起動フック / Restart hook", variables.get("restartHookResult"));
        add(lines, "フック失敗 / Restart hook failed", variables.get("restartHookProblem"));
        add(lines, "手動再起動 / Restarted by hand", variables.get("manualRestartNote"));
        lines.add("yes".equals(variables.get("serviceHealthy"))
                ? "再起動後の状態: 正常 / After the restart: healthy"
                : "再起動後の状態: 異常のまま / After the restart: still unhealthy");
        add(lines, "確認結果 / Health check", variables.get("healthNote"));
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            lines.add(label + ": " + value);
        }
    }
}
