package io.incidentflow.notification;

import java.util.Locale;

import io.incidentflow.contact.ChannelType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS and voice notifiers, each with the provider configured for it. Without one, the notifier still exists
 * and fails every attempt naming the missing setting, so a channel added before the provider is set up is logged
 * as FAILED rather than silently skipped.
 */
@Configuration
class PhoneNotifiers {

    @Bean
    NotificationChannel smsNotifier(NotificationProperties properties, MessageTemplates templates, HttpSender http) {
        return new PhoneNotifier(ChannelType.SMS, gateway(ChannelType.SMS, properties.sms(), http), templates);
    }

    @Bean
    NotificationChannel voiceNotifier(NotificationProperties properties, MessageTemplates templates, HttpSender http) {
        return new PhoneNotifier(ChannelType.VOICE, gateway(ChannelType.VOICE, properties.voice(), http), templates);
    }

    private static PhoneGateway gateway(ChannelType type, NotificationProperties.PhoneProvider provider,
            HttpSender http) {
        if (provider != null) {
            return new HttpPhoneGateway(type, provider, http);
        }
        String setting = "incidentflow.notification." + type.name().toLowerCase(Locale.ROOT) + ".url";
        return (to, text, language) -> DeliveryResult.failed(type + " is not configured: set " + setting);
    }
}
