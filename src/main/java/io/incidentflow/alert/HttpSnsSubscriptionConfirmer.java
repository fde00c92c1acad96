package io.incidentflow.alert;

import java.net.URI;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** GETs the {@code SubscribeURL} of a verified SubscriptionConfirmation with the JDK's HttpClient. */
@Component
class HttpSnsSubscriptionConfirmer implements SnsSubscriptionConfirmer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSnsSubscriptionConfirmer.class);

    private final Function<URI, byte[]> get;

    @Autowired
    HttpSnsSubscriptionConfirmer() {
        this(new SnsHttp()::get);
    }

    HttpSnsSubscriptionConfirmer(Function<URI, byte[]> get) {
        this.get = get;
    }

    @Override
    public void confirm(URI subscribeUrl) {
        URI url = SnsHosts.trusted(subscribeUrl.toString(), "SubscribeURL");
        get.apply(url);
        LOG.info("Confirmed Amazon SNS subscription at {}", url.getHost());
    }
}
