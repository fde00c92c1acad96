package io.incidentflow.integration;

/**
 * A named inbound source with its own secret key (only its hash is stored), its payload format and
 * the defaults it applies to the incidents it opens.
 *
 * @param perAlert        Alertmanager: one incident per alert (fingerprint) instead of per group (groupKey)
 * @param autoResolve     a resolved alert resolves the incident by itself instead of waiting for a responder
 * @param dedupTemplate   optional template for the dedup key, e.g. {@code {{labels.alertname}}/{{labels.instance}}}
 * @param responsePlan    optional response plan to engage (see engagement)
 */
public record Integration(
        long id,
        String name,
        IntegrationType type,
        boolean enabled,
        String category,
        String service,
        Integer defaultImpact,
        Integer urgency,
        String resolverGroup,
        boolean perAlert,
        boolean autoResolve,
        String dedupTemplate,
        String responsePlan) {
}
