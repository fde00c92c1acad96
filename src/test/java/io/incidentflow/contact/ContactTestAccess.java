package io.incidentflow.contact;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A contact service on a given database for the tests of other packages, with the management calls that only
 * the REST API makes (package-private in production code) opened up.
 */
public final class ContactTestAccess {

    private static final String ACTOR = "test";
    private final ContactService service;

    public ContactTestAccess(DataSource dataSource, ActivationCodeSender sender,
            DataSourceTransactionManager transactions, Clock clock) {
        this.service = new ContactService(new ContactRepository(JdbcClient.create(dataSource)),
                Mockito.mock(IdentityService.class, Mockito.RETURNS_DEEP_STUBS), sender, Mockito.mock(ContactAudit.class),
                new ContactProperties(Duration.ofMinutes(15), 5, false), new TransactionTemplate(transactions), clock);
    }

    public ContactService service() {
        return service;
    }

    public void create(String id, String displayName) {
        service.create(new ContactRequest(id, displayName, null, "ja", "Asia/Tokyo", null), ACTOR);
    }

    /** Adds the channel (which sends its activation code) and answers its id. */
    public long addChannel(String id, ChannelType type, String address) {
        return service.addChannel(id, new ChannelRequest(type, address), ACTOR).channel().id();
    }

    public void activate(String id, long channelId, String code) {
        ActivationResult result = service.activate(id, channelId, code, ACTOR);
        if (result.outcome() != ActivationResult.Outcome.ACTIVATED) {
            throw new IllegalStateException("not activated: " + result.outcome());
        }
    }

    /** One stage per channel, a minute apart from 0. */
    public void plan(String id, long... channelIds) {
        service.replacePlan(id, new EngagementPlanRequest(Arrays.stream(channelIds)
                .mapToObj(channelId -> new EngagementPlanRequest.Stage(channelId, (int) Arrays.stream(channelIds)
                        .takeWhile(other -> other != channelId).count()))
                .toList()), ACTOR);
    }
}
