package io.incidentflow.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DedupTemplateTest {

    private final Map<String, String> labels = Map.of("alertname", "DiskFull", "instance", "db-01:9100",
            "team", "基盤");
    private final Map<String, String> annotations = Map.of("summary", "ディスク残り 10%");

    @Test
    void replacesLabelAndAnnotationPlaceholders() {
        assertThat(DedupTemplate.render("{{labels.alertname}}/{{labels.instance}}", labels, annotations))
                .isEqualTo("DiskFull/db-01:9100");
        assertThat(DedupTemplate.render("{{ labels.team }}:{{annotations.summary}}", labels, annotations))
                .isEqualTo("基盤:ディスク残り 10%");
    }

    @Test
    void rendersMissingValuesAsEmptyAndKeepsLiteralText() {
        assertThat(DedupTemplate.render("disk-{{labels.alertname}}-{{labels.mountpoint}}-$1\\", labels, annotations))
                .isEqualTo("disk-DiskFull--$1\\");
    }

    @Test
    void tellsWhetherAnyPlaceholderHasAValue() {
        assertThat(DedupTemplate.anyResolved("{{labels.nothere}}/{{labels.instance}}", labels, annotations)).isTrue();
        assertThat(DedupTemplate.anyResolved("{{labels.nothere}}/{{annotations.nothere}}", labels, annotations))
                .isFalse();
    }

    @Test
    void validationAcceptsLabelsAndAnnotationsOnly() {
        assertThatCode(() -> DedupTemplate.validate("{{labels.alertname}}/{{ annotations.summary }}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DedupTemplate.validate("{{labels.alertname}}/{{ .Labels.instance }}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{ .Labels.instance }}");
        assertThatThrownBy(() -> DedupTemplate.validate("constant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no placeholder");
        assertThatThrownBy(() -> DedupTemplate.validate(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
