package io.incidentflow.mail;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link MailboxPoller} per configured mailbox, each on its own schedule (fixed delay of its
 * poll-interval, so polls of a mailbox never overlap). Off when no mailbox is configured: then no thread
 * starts and no {@link MailIntake} is needed. With mailboxes but no {@link MailIntake} bean the start-up
 * fails, naming the setting, rather than silently leaving mail unread.
 */
@Component
class MailPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    private final List<MailboxPoller> pollers;
    private ThreadPoolTaskScheduler scheduler;
    private volatile boolean running;

    MailPolling(MailboxProperties properties, ObjectProvider<MailIntake> intakes) {
        if (!properties.enabled()) {
            this.pollers = List.of();
            return;
        }
        MailIntake intake = intakes.getIfAvailable();
        if (intake == null) {
            throw new IllegalStateException("incidentflow.mail.mailboxes is configured ("
                    + properties.mailboxes().stream().map(MailboxProperties.Mailbox::name).toList()
                    + ") but there is no MailIntake to store the mails; remove the mailboxes or add the intake");
        }
        this.pollers = properties.mailboxes().stream().map(mailbox -> new MailboxPoller(mailbox, intake)).toList();
    }

    /** True when at least one mailbox is being polled. */
    boolean polling() {
        return scheduler != null;
    }

    List<MailboxPoller> pollers() {
        return pollers;
    }

    @Override
    public synchronized void start() {
        if (pollers.isEmpty()) {
            log.info("E-mail intake is off: no incidentflow.mail.mailboxes configured");
        } else {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setPoolSize(pollers.size());
            scheduler.setThreadNamePrefix("mail-poll-");
            scheduler.setWaitForTasksToCompleteOnShutdown(true);
            scheduler.setAwaitTerminationSeconds(30);
            scheduler.initialize();
            for (MailboxPoller poller : pollers) {
                scheduler.scheduleWithFixedDelay(poller::pollQuietly, Instant.now(), poller.mailbox().pollInterval());
                log.info("E-mail intake: polling mailbox {} every {}", poller.mailbox(), poller.mailbox().pollInterval());
            }
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
