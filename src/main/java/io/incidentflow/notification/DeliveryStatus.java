package io.incidentflow.notification;

public enum DeliveryStatus {
    SENT,
    FAILED
}
