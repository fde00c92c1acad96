package io.incidentflow.integration;

/** The payload formats we accept. */
public enum IntegrationType {
    ALERTMANAGER,
    ZABBIX,
    GRAFANA,
    SNS,
    EVENTS_V2,
    GENERIC,
    EMAIL
}
