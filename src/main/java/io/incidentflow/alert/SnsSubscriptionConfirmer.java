package io.incidentflow.alert;

import java.net.URI;

/** Confirms an Amazon SNS subscription by visiting its {@code SubscribeURL}. */
interface SnsSubscriptionConfirmer {

    /**
     * @param subscribeUrl already checked by {@link SnsHosts#trusted}
     * @throws java.io.UncheckedIOException when SNS cannot be reached or refuses; the endpoint answers 5xx so
     *                                      that SNS sends the confirmation again
     */
    void confirm(URI subscribeUrl);
}
