package io.incidentflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.incidentflow.contact.ActivationResult.Outcome;
import io.incidentflow.contact.ContactValidationException.FieldError;
import io.incidentflow.support.AdjustableClock;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contacts, channels, activation and engagement plans through the service, with their SQL run unchanged against
 * H2 and PostgreSQL (see the subclasses). Codes are caught by a recording sender.
 */
abstract class ContactStoreContract {

    static final Instant START = Instant.parse("2025-03-01T09:00:00.123456789Z");
    static final String ACTOR = "manager-user";

    abstract DataSource dataSource();

    JdbcClient jdbc;
    AdjustableClock clock;
    IdentityService identity;
    RecordingSender sender;
    ContactAudit audit;
    ContactService service;

    @BeforeEach
    void cleanDatabaseAndWireService() {
        jdbc = JdbcClient.create(dataSource());
        jdbc.sql("DELETE FROM contact").update();
        clock = new AdjustableClock(START);
        identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.createUserQuery().userId("desk-user").count()).thenReturn(1L);
        sender = new RecordingSender();
        audit = mock(ContactAudit.class);
        service = new ContactService(new ContactRepository(jdbc), identity, sender, audit,
                new ContactProperties(Duration.ofMinutes(15), 5, false),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())), clock);
    }

    // --- contacts ---------------------------------------------------------------------------------------

    @Test
    void aContactRoundTripsWithItsJapaneseNameAndSettings() {
        Contact created = service.create(new ContactRequest(" hanako ", " 山田 花子 ", "desk-user", "ja", "Asia/Tokyo",
                "iso-2022-jp"), ACTOR);

        assertThat(created.id()).isEqualTo("hanako");
        assertThat(service.find("hanako")).contains(created);
        Contact read = service.find("hanako").orElseThrow();
        assertThat(read.displayName()).isEqualTo("山田 花子");
        assertThat(read.tasklistUserId()).isEqualTo("desk-user");
        assertThat(read.mailCharset()).isEqualTo(MailCharset.ISO_2022_JP);
        assertThat(read.zone()).hasToString("Asia/Tokyo");
        assertThat(read.createdAt()).isEqualTo(now());
        assertThat(service.exists("hanako")).isTrue();
        assertThat(service.exists("taro")).isFalse();
        assertThat(service.list()).containsExactly(created);
        verify(audit).record(eq(ACTOR), eq("contact.created"), eq("hanako"), anyMap());
    }

    @Test
    void withoutACharsetTheContactLeavesItToTheDomainRules() {
        assertThat(service.create(request("taro"), ACTOR).mailCharset()).isNull();
    }

    @Test
    void badFieldsAreRefusedNamingEachAndNothingIsStored() {
        ContactRequest bad = new ContactRequest("Hanako!", " ", "nobody", "fr", "Tokyo", "Shift_JIS");

        assertThatThrownBy(() -> service.create(bad, ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("id", "displayName", "tasklistUserId", "locale", "timeZone",
                                "mailCharset"));
        assertThat(service.list()).isEmpty();
    }

    @Test
    void aTakenIdIsAConflict() {
        service.create(request("hanako"), ACTOR);

        assertThatThrownBy(() -> service.create(request("hanako"), ACTOR)).isInstanceOf(ContactConflictException.class);
    }

    @Test
    void aTasklistUserBelongsToOneContactOnly() {
        service.create(new ContactRequest("hanako", "Hanako", "desk-user", "ja", "Asia/Tokyo", null), ACTOR);

        assertThatThrownBy(() -> service.create(new ContactRequest("taro", "Taro", "desk-user", "ja", "Asia/Tokyo",
                null), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("tasklistUserId", "is already linked to contact hanako")));
        // Updating hanako herself keeps her link.
        assertThat(service.update("hanako", new ContactRequest(null, "Hanako Y.", "desk-user", "en", "Europe/London",
                "UTF-8"), ACTOR).tasklistUserId()).isEqualTo("desk-user");
    }

    @Test
    void updateChangesTheProfileButNeitherIdNorCreation() {
        Contact created = service.create(request("hanako"), ACTOR);
        clock.advance(Duration.ofMinutes(5));

        Contact updated = service.update("hanako", new ContactRequest("hanako", "Hanako Yamada", null, "en",
                "America/New_York", "UTF-8"), ACTOR);

        assertThat(service.find("hanako")).contains(updated);
        assertThat(updated.locale()).isEqualTo("en");
        assertThat(updated.mailCharset()).isEqualTo(MailCharset.UTF_8);
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isAfter(created.updatedAt());
        assertThatThrownBy(() -> service.update("hanako", request("taro"), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("id"));
        assertThatThrownBy(() -> service.update("nobody", request("nobody"), ACTOR))
                .isInstanceOf(ContactNotFoundException.class);
    }

    @Test
    void deletingAContactDeletesItsChannelsAndPlan() {
        service.create(request("hanako"), ACTOR);
        long mail = addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        service.replacePlan("hanako", plan(stage(mail, 0)), ACTOR);

        service.delete("hanako", ACTOR);

        assertThat(service.exists("hanako")).isFalse();
        assertThat(count("contact_channel")).isZero();
        assertThat(count("engagement_stage")).isZero();
        assertThatThrownBy(() -> service.delete("hanako", ACTOR)).isInstanceOf(ContactNotFoundException.class);
    }

    // --- channels ---------------------------------------------------------------------------------------

    @Test
    void aNewChannelIsStoredInactiveAndItsCodeGoesThroughThatChannel() {
        service.create(request("hanako"), ACTOR);

        ChannelAdded added = service.addChannel("hanako", new ChannelRequest(ChannelType.SMS, "＋81 90-1234-5678"),
                ACTOR);

        assertThat(added.activationCodeSent()).isTrue();
        assertThat(added.activationError()).isNull();
        ContactChannel channel = service.channel("hanako", added.channel().id()).orElseThrow();
        assertThat(channel.address()).isEqualTo("+819012345678");
        assertThat(channel.activated()).isFalse();
        assertThat(channel.activationExpiresAt()).isEqualTo(now().plusMinutes(15));
        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.channel()).isEqualTo(channel);
            assertThat(sent.contact().id()).isEqualTo("hanako");
            assertThat(sent.code()).matches("[0-9]{6}");
            assertThat(sent.validFor()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(jdbc.sql("SELECT activation_code_hash FROM contact_channel").query(String.class).single())
                .doesNotContain(sender.lastCode());
        verify(audit).record(ACTOR, "contact.channel-added", "hanako", Map.of("channelId", channel.id(),
                "type", ChannelType.SMS, "address", "+********5678"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EMAIL   | hanako@                          | e-mail address",
        "EMAIL   | 花子@example.jp                   | e-mail address",
        "EMAIL   | hanako@localhost                 | e-mail address",
        "SMS     | 090-1234-5678                    | E.164",
        "VOICE   | +81 090 1234 5678                | drop the 0 after +81",
        "SLACK   | http://hooks.slack.com/services/x | https URL",
        "TEAMS   | not a url                        | URL",
        "WEBHOOK | https://user:pw@example.com/hook | https URL"})
    void aBadAddressIsRefusedSayingWhatIsExpected(ChannelType type, String address, String expected) {
        service.create(request("hanako"), ACTOR);

        assertThatThrownBy(() -> service.addChannel("hanako", new ChannelRequest(type, address), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("address");
                            assertThat(error.message()).contains(expected);
                        }));
        assertThat(count("contact_channel")).isZero();
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void theSameAddressTwiceIsRefused() {
        service.create(request("hanako"), ACTOR);
        service.addChannel("hanako", new ChannelRequest(ChannelType.EMAIL, "hanako@example.co.jp"), ACTOR);

        assertThatThrownBy(() -> service.addChannel("hanako", new ChannelRequest(ChannelType.EMAIL,
                " hanako@example.co.jp "), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("address"));
    }

    @Test
    void aChannelWhoseCodeCouldNotBeSentIsKeptAndSaysWhy() {
        service.create(request("hanako"), ACTOR);
        sender.failWith("SMS is not configured: set incidentflow.notification.sms.url");

        ChannelAdded added = service.addChannel("hanako", new ChannelRequest(ChannelType.SMS, "+819012345678"), ACTOR);

        assertThat(added.activationCodeSent()).isFalse();
        assertThat(added.activationError()).contains("SMS is not configured");
        assertThat(service.channels("hanako")).hasSize(1);
    }

    @Test
    void removingAChannelRemovesTheStagesThatUsedIt() {
        service.create(request("hanako"), ACTOR);
        long mail = addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        long sms = addActivated("hanako", ChannelType.SMS, "+819012345678");
        service.replacePlan("hanako", plan(stage(mail, 0), stage(sms, 2)), ACTOR);

        service.removeChannel("hanako", sms, ACTOR);

        assertThat(service.channels("hanako")).extracting(ContactChannel::id).containsExactly(mail);
        assertThat(service.engagementPlan("hanako")).extracting(stage -> stage.channel().id()).containsExactly(mail);
        assertThatThrownBy(() -> service.removeChannel("hanako", sms, ACTOR))
                .isInstanceOf(ContactNotFoundException.class);
    }

    @Test
    void anotherContactsChannelIsNotFoundThroughThisContact() {
        service.create(request("hanako"), ACTOR);
        service.create(request("taro"), ACTOR);
        long tarosMail = add("taro", ChannelType.EMAIL, "taro@example.com");

        assertThat(service.channel("hanako", tarosMail)).isEmpty();
        assertThatThrownBy(() -> service.activate("hanako", tarosMail, sender.lastCode(), ACTOR))
                .isInstanceOf(ContactNotFoundException.class);
        assertThatThrownBy(() -> service.removeChannel("hanako", tarosMail, ACTOR))
                .isInstanceOf(ContactNotFoundException.class);
        assertThat(service.channels("taro")).hasSize(1);
    }

    // --- activation -------------------------------------------------------------------------------------

    @Test
    void theCodeThatWasSentActivatesTheChannel() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        clock.advance(Duration.ofMinutes(14));

        ActivationResult result = service.activate("hanako", mail, " " + sender.lastCode() + " ", ACTOR);

        assertThat(result.outcome()).isEqualTo(Outcome.ACTIVATED);
        assertThat(result.channel().activated()).isTrue();
        assertThat(result.channel().activatedAt()).isEqualTo(now());
        assertThat(result.channel().activationExpiresAt()).isNull();
        assertThat(service.activate("hanako", mail, sender.lastCode(), ACTOR).outcome())
                .isEqualTo(Outcome.ALREADY_ACTIVATED);
        verify(audit).record(ACTOR, "contact.channel-activated", "hanako", Map.of("channelId", mail));
    }

    @Test
    void everyWrongGuessCountsAndTheLastOneVoidsTheCode() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        String wrong = wrongCode();

        List<Integer> left = IntStream.range(0, 5)
                .mapToObj(i -> service.activate("hanako", mail, wrong, ACTOR))
                .peek(result -> assertThat(result.outcome()).isEqualTo(Outcome.WRONG_CODE))
                .map(ActivationResult::attemptsLeft)
                .toList();

        assertThat(left).containsExactly(4, 3, 2, 1, 0);
        assertThat(service.activate("hanako", mail, sender.lastCode(), ACTOR).outcome()).isEqualTo(Outcome.NO_CODE);
        assertThat(service.channel("hanako", mail).orElseThrow().activated()).isFalse();
    }

    @Test
    void anExpiredCodeActivatesNothingEvenWhenRight() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        clock.advance(Duration.ofMinutes(15));

        assertThat(service.activate("hanako", mail, sender.lastCode(), ACTOR).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(service.channel("hanako", mail).orElseThrow().activated()).isFalse();
    }

    @Test
    void aNewCodeReplacesTheOldOneAndRestoresTheAttempts() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        String first = sender.lastCode();
        IntStream.range(0, 5).forEach(i -> service.activate("hanako", mail, wrongCode(), ACTOR));
        clock.advance(Duration.ofMinutes(30));

        ContactChannel resent = service.resendActivationCode("hanako", mail, ACTOR);

        assertThat(resent.activationExpiresAt()).isEqualTo(now().plusMinutes(15));
        assertThat(sender.sent).hasSize(2);
        if (!first.equals(sender.lastCode())) {
            assertThat(service.activate("hanako", mail, first, ACTOR).attemptsLeft()).isEqualTo(4);
        }
        assertThat(service.activate("hanako", mail, sender.lastCode(), ACTOR).outcome()).isEqualTo(Outcome.ACTIVATED);
        assertThatThrownBy(() -> service.resendActivationCode("hanako", mail, ACTOR))
                .isInstanceOf(ContactConflictException.class);
    }

    @Test
    void aFailedResendSaysSoWithTheProvidersReason() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        sender.failWith("HTTP 503 from smtp relay");

        assertThatThrownBy(() -> service.resendActivationCode("hanako", mail, ACTOR))
                .isInstanceOf(ActivationCodeNotSentException.class).hasMessageContaining("HTTP 503 from smtp relay");
    }

    @Test
    void somethingThatIsNoSixDigitCodeIsRefusedWithoutCostingAnAttempt() {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");

        for (String malformed : new String[] {null, "", "12345", "1234567", "12a456"}) {
            assertThatThrownBy(() -> service.activate("hanako", mail, malformed, ACTOR))
                    .isInstanceOfSatisfying(ContactValidationException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("code"));
        }
        assertThat(service.activate("hanako", mail, wrongCode(), ACTOR).attemptsLeft()).isEqualTo(4);
    }

    @Test
    void parallelGuessesCannotExceedTheLimit() throws Exception {
        service.create(request("hanako"), ACTOR);
        long mail = add("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        String wrong = wrongCode();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ActivationResult>> guesses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                guesses.add(() -> service.activate("hanako", mail, wrong, ACTOR));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<ActivationResult> guess : pool.invokeAll(guesses)) {
                outcomes.add(guess.get().outcome());
            }
            assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.WRONG_CODE).hasSize(5);
            assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.NO_CODE).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- engagement plan --------------------------------------------------------------------------------

    @Test
    void theEngagementPlanListsOnlyActivatedChannelsInOrderOfMinutes() {
        service.create(request("hanako"), ACTOR);
        long mail = addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        long sms = add("hanako", ChannelType.SMS, "+819012345678");
        long voice = addActivated("hanako", ChannelType.VOICE, "+819012345678");

        service.replacePlan("hanako", plan(stage(voice, 5), stage(sms, 2), stage(mail, 0)), ACTOR);

        assertThat(service.fullPlan("hanako")).extracting(EngagementStage::afterMinutes, s -> s.channel().id())
                .containsExactly(tuple(0, mail), tuple(2, sms), tuple(5, voice));
        assertThat(service.engagementPlan("hanako")).extracting(EngagementStage::afterMinutes, s -> s.channel().type())
                .containsExactly(tuple(0, ChannelType.EMAIL), tuple(5, ChannelType.VOICE));
        assertThat(service.engagementPlan("hanako")).allSatisfy(stage -> assertThat(stage.channel().activated()).isTrue());
    }

    @Test
    void theSameChannelMayComeBackLaterButNotTwiceAtTheSameMinute() {
        service.create(request("hanako"), ACTOR);
        long mail = addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp");

        assertThat(service.replacePlan("hanako", plan(stage(mail, 0), stage(mail, 10)), ACTOR)).hasSize(2);
        assertThatThrownBy(() -> service.replacePlan("hanako", plan(stage(mail, 0), stage(mail, 0)), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("stages[1]", "repeats stages[0]")));
    }

    @Test
    void aPlanNamingAnotherContactsOrNoChannelOrNegativeMinutesIsRefusedNamingTheStage() {
        service.create(request("hanako"), ACTOR);
        service.create(request("taro"), ACTOR);
        long mail = addActivated("hanako", ChannelType.EMAIL, "hanako@example.co.jp");
        long tarosMail = addActivated("taro", ChannelType.EMAIL, "taro@example.com");
        service.replacePlan("hanako", plan(stage(mail, 0)), ACTOR);

        EngagementPlanRequest bad = plan(stage(mail, -1), stage(tarosMail, 2), stage(999_999L, 3),
                new EngagementPlanRequest.Stage(null, null), stage(mail, 100_000));

        assertThatThrownBy(() -> service.replacePlan("hanako", bad, ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(
                                new FieldError("stages[0].afterMinutes", "must be between 0 and 1440"),
                                new FieldError("stages[1].channelId", "is not a channel of hanako"),
                                new FieldError("stages[2].channelId", "is not a channel of hanako"),
                                new FieldError("stages[3].channelId", "must not be null"),
                                new FieldError("stages[3].afterMinutes", "must not be null"),
                                new FieldError("stages[4].afterMinutes", "must be between 0 and 1440")));
        assertThat(service.fullPlan("hanako")).hasSize(1);
        assertThatThrownBy(() -> service.replacePlan("hanako", new EngagementPlanRequest(null), ACTOR))
                .isInstanceOfSatisfying(ContactValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("stages"));
    }

    @Test
    void anEmptyPlanEngagesNobodyAndAnUnknownContactHasNoPlan() {
        service.create(request("hanako"), ACTOR);

        assertThat(service.replacePlan("hanako", plan(), ACTOR)).isEmpty();
        assertThat(service.engagementPlan("hanako")).isEmpty();
        assertThatThrownBy(() -> service.engagementPlan("nobody")).isInstanceOf(ContactNotFoundException.class);
    }

    // --- helpers ----------------------------------------------------------------------------------------

    static ContactRequest request(String id) {
        return new ContactRequest(id, "名前 " + id, null, "ja", "Asia/Tokyo", null);
    }

    long add(String contactId, ChannelType type, String address) {
        return service.addChannel(contactId, new ChannelRequest(type, address), ACTOR).channel().id();
    }

    long addActivated(String contactId, ChannelType type, String address) {
        long id = add(contactId, type, address);
        assertThat(service.activate(contactId, id, sender.lastCode(), ACTOR).outcome()).isEqualTo(Outcome.ACTIVATED);
        return id;
    }

    static EngagementPlanRequest plan(EngagementPlanRequest.Stage... stages) {
        return new EngagementPlanRequest(List.of(stages));
    }

    static EngagementPlanRequest.Stage stage(long channelId, int afterMinutes) {
        return new EngagementPlanRequest.Stage(channelId, afterMinutes);
    }

    String wrongCode() {
        return sender.lastCode().equals("000000") ? "000001" : "000000";
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** Keeps what would have been sent; fails on demand like a provider that is down. */
    static final class RecordingSender implements ActivationCodeSender {

        record Sent(Contact contact, ContactChannel channel, String code, Duration validFor) {
        }

        final List<Sent> sent = new ArrayList<>();
        private String failure;

        void failWith(String message) {
            failure = message;
        }

        String lastCode() {
            return sent.get(sent.size() - 1).code();
        }

        @Override
        public synchronized void send(Contact contact, ContactChannel channel, String code, Duration validFor) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            sent.add(new Sent(contact, channel, code, validFor));
        }
    }
}
