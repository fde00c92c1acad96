package io.incidentflow.engagement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class EngagementConfiguration {

    /** Messages without an acknowledge link until a real factory is a bean. */
    @Bean
    @ConditionalOnMissingBean(AckLinkFactory.class)
    AckLinkFactory noAckLinks() {
        return (incidentNumber, contactId) -> null;
    }
}
