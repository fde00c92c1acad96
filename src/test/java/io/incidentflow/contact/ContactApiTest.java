package io.incidentflow.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/contacts} in the whole application: the test profile's users log in with HTTP Basic, so security
 * rules, validation, problem JSON and the database are the real ones. Only the sending of activation codes is
 * replaced, to read the codes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ContactApiTest {

    static final RequestPostProcessor MANAGER = basic("manager-user", "manager-user-password");
    static final RequestPostProcessor ADMIN = basic("admin", "test-admin-password");
    static final RequestPostProcessor DESK = basic("desk-user", "desk-user-password");
    static final RequestPostProcessor RESOLVER = basic("net-user", "net-user-password");
    static final RequestPostProcessor AUDITOR = basic("auditor-user", "auditor-user-password");
    static final RequestPostProcessor ANALYST = basic("analyst-user", "analyst-user-password");

    static final String HANAKO = """
            {"id": "hanako", "displayName": "山田 花子", "tasklistUserId": "desk-user", "locale": "ja",
             "timeZone": "Asia/Tokyo", "mailCharset": "ISO-2022-JP"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @MockitoBean
    ActivationCodeSender codeSender;

    @BeforeEach
    void noContacts() {
        jdbc.sql("DELETE FROM contact").update();
    }

    // --- the whole set-up, and who may read it ----------------------------------------------------------

    @Test
    void aManagerSetsUpAContactAndEveryReaderSeesIt() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/contacts/hanako"))
                .andExpect(jsonPath("$.displayName").value("山田 花子"))
                .andExpect(jsonPath("$.mailCharset").value("ISO-2022-JP"));
        long mail = addChannel("EMAIL", "hanako@example.co.jp");
        long slack = addChannel("SLACK", "https://hooks.slack.com/services/T000/B000/XXXXSECRET");
        activate(mail);
        mvc.perform(json(put("/api/contacts/hanako/engagement-plan"),
                        "{\"stages\": [{\"channelId\": " + slack + ", \"afterMinutes\": 2},"
                                + " {\"channelId\": " + mail + ", \"afterMinutes\": 0}]}").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[*].channelId").value(contains((int) mail, (int) slack)));

        for (RequestPostProcessor reader : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST, ADMIN}) {
            mvc.perform(get("/api/contacts/hanako").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("hanako"))
                    .andExpect(jsonPath("$.displayName").value("山田 花子"))
                    .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"))
                    .andExpect(jsonPath("$.channels", hasSize(2)))
                    .andExpect(jsonPath("$.channels[0].address").value("hanako@example.co.jp"))
                    .andExpect(jsonPath("$.channels[0].activated").value(true))
                    // The webhook URL is the credential: readers see its host only.
                    .andExpect(jsonPath("$.channels[1].address").value("https://hooks.slack.com/…"))
                    .andExpect(jsonPath("$.channels[1].activated").value(false))
                    .andExpect(jsonPath("$.engagementPlan[*].afterMinutes").value(contains(0, 2)));
        }
        mvc.perform(get("/api/contacts").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains("hanako")));
        mvc.perform(get("/api/contacts/hanako/engagement-plan").with(AUDITOR))
                .andExpect(jsonPath("$.stages[1].channel.type").value("SLACK"));
        mvc.perform(get("/api/incidents/INC-000001/notifications").with(AUDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void anAdministratorManagesContactsToo() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(ADMIN)).andExpect(status().isCreated());
        mvc.perform(json(put("/api/contacts/hanako"), """
                        {"displayName": "Hanako Yamada", "locale": "en", "timeZone": "Europe/London"}""").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locale").value("en"))
                .andExpect(jsonPath("$.mailCharset").doesNotExist());
        mvc.perform(delete("/api/contacts/hanako").with(ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/contacts/hanako").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Contact not found"));
    }

    @Test
    void respondersAuditorsAndAnalystsMayNotChangeContacts() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());
        long mail = addChannel("EMAIL", "hanako@example.co.jp");

        for (RequestPostProcessor reader : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST}) {
            mvc.perform(json(post("/api/contacts"), HANAKO.replace("hanako", "taro")).with(reader))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/contacts/hanako"), HANAKO).with(reader)).andExpect(status().isForbidden());
            mvc.perform(delete("/api/contacts/hanako").with(reader)).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/contacts/hanako/channels"), "{\"type\": \"SMS\", \"address\": \"+819012345678\"}")
                    .with(reader)).andExpect(status().isForbidden());
            mvc.perform(delete("/api/contacts/hanako/channels/" + mail).with(reader)).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/contacts/hanako/channels/" + mail + "/activate"), "{\"code\": \"123456\"}")
                    .with(reader)).andExpect(status().isForbidden());
            mvc.perform(json(put("/api/contacts/hanako/engagement-plan"), "{\"stages\": []}").with(reader))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/contacts/hanako")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/contacts/hanako").with(MANAGER))
                .andExpect(jsonPath("$.displayName").value("山田 花子"))
                .andExpect(jsonPath("$.channels", hasSize(1)));
    }

    // --- validation -------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"locale\": \"fr\"                | locale      | must be ja or en",
        "\"timeZone\": \"Tokyo\"           | timeZone    | IANA time zone",
        "\"timeZone\": \"+09:00\"          | timeZone    | IANA time zone",
        "\"mailCharset\": \"Shift_JIS\"    | mailCharset | UTF-8 or ISO-2022-JP",
        "\"id\": \"Hanako Yamada\"         | id          | lower-case letters",
        "\"displayName\": \"\"             | displayName | must not be blank",
        "\"tasklistUserId\": \"nobody\"    | tasklistUserId | is not a Tasklist user",
        "\"locale\": 7                     | locale      | must be ja or en"})
    void aBadContactFieldIsAProblemNamingIt(String override, String field, String message) throws Exception {
        String body = "{\"id\": \"hanako\", \"displayName\": \"花子\", \"locale\": \"ja\", \"timeZone\": \"Asia/Tokyo\", "
                + override + "}";

        expectFieldProblem(mvc.perform(json(post("/api/contacts"), body).with(MANAGER)), field, message);
        mvc.perform(get("/api/contacts").with(MANAGER)).andExpect(jsonPath("$", hasSize(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EMAIL   | hanako@@example.co.jp          | e-mail address",
        "EMAIL   | 山田@example.co.jp              | e-mail address",
        "SMS     | 090-1234-5678                  | E.164",
        "VOICE   | +8109012345678                 | drop the 0 after +81",
        "WEBHOOK | http://example.com/hook        | https URL"})
    void aBadAddressIsAProblemNamingTheAddress(String type, String address, String message) throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());

        expectFieldProblem(mvc.perform(json(post("/api/contacts/hanako/channels"),
                "{\"type\": \"" + type + "\", \"address\": \"" + address + "\"}").with(MANAGER)), "address", message);
    }

    @Test
    void anUnknownChannelTypeIsAProblemListingTheTypes() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());

        expectFieldProblem(mvc.perform(json(post("/api/contacts/hanako/channels"),
                "{\"type\": \"FAX\", \"address\": \"+81312345678\"}").with(MANAGER)), "type",
                "must be one of EMAIL, SMS, VOICE, SLACK, TEAMS, WEBHOOK");
    }

    @Test
    void aPlanWithSomeoneElsesOrAMissingChannelOrNegativeMinutesIsAProblemNamingEachStage() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());
        long mail = addChannel("EMAIL", "hanako@example.co.jp");
        mvc.perform(json(post("/api/contacts"), HANAKO.replace("hanako", "taro").replace("desk-user", "net-user"))
                .with(MANAGER)).andExpect(status().isCreated());
        long tarosMail = jsonLong(mvc.perform(json(post("/api/contacts/taro/channels"),
                "{\"type\": \"EMAIL\", \"address\": \"taro@example.com\"}").with(MANAGER)), "$.channel.id");

        mvc.perform(json(put("/api/contacts/hanako/engagement-plan"), "{\"stages\": ["
                        + "{\"channelId\": " + mail + ", \"afterMinutes\": -1},"
                        + "{\"channelId\": " + tarosMail + ", \"afterMinutes\": 2},"
                        + "{\"channelId\": 424242, \"afterMinutes\": 5}]}").with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[*].field").value(contains("stages[0].afterMinutes",
                        "stages[1].channelId", "stages[2].channelId")))
                .andExpect(jsonPath("$.errors[1].message").value("is not a channel of hanako"));
        mvc.perform(get("/api/contacts/hanako/engagement-plan").with(MANAGER)).andExpect(jsonPath("$.stages", hasSize(0)));
    }

    @Test
    void aTakenIdIsAConflict() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());

        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    // --- activation -------------------------------------------------------------------------------------

    @Test
    void aWrongCodeIsABadRequestTheRightOneActivatesAndAgainIsAConflict() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());
        long mail = addChannel("EMAIL", "hanako@example.co.jp");
        String code = lastCode();

        expectFieldProblem(mvc.perform(json(post(activatePath(mail)), "{\"code\": \"" + other(code) + "\"}")
                .with(MANAGER)), "code", "is wrong; 4 attempt(s) left");
        expectFieldProblem(mvc.perform(json(post(activatePath(mail)), "{\"code\": \"12-34\"}").with(MANAGER)),
                "code", "must be the 6 digits that were sent");
        mvc.perform(json(post(activatePath(mail)), "{\"code\": \"" + code + "\"}").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activated").value(true))
                .andExpect(jsonPath("$.activatedAt").isNotEmpty());
        mvc.perform(json(post(activatePath(mail)), "{\"code\": \"" + code + "\"}").with(MANAGER))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anExpiredCodeIsGoneAndANewOneCanBeRequested() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());
        long mail = addChannel("EMAIL", "hanako@example.co.jp");
        String expired = lastCode();
        jdbc.sql("UPDATE contact_channel SET activation_expires_at = :past WHERE id = :id")
                .param("past", OffsetDateTime.now().minusMinutes(1)).param("id", mail).update();

        mvc.perform(json(post(activatePath(mail)), "{\"code\": \"" + expired + "\"}").with(MANAGER))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("/activation-code")));
        mvc.perform(post("/api/contacts/hanako/channels/" + mail + "/activation-code").with(MANAGER))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.activationExpiresAt").isNotEmpty());
        mvc.perform(json(post(activatePath(mail)), "{\"code\": \"" + lastCode() + "\"}").with(MANAGER))
                .andExpect(status().isOk());
    }

    @Test
    void aChannelWhoseCodeCouldNotBeSentIsCreatedSayingWhyAndAResendThatFailsIsABadGateway() throws Exception {
        mvc.perform(json(post("/api/contacts"), HANAKO).with(MANAGER)).andExpect(status().isCreated());
        doThrow(new IllegalStateException("SMS is not configured: set incidentflow.notification.sms.url"))
                .when(codeSender).send(any(), any(), anyString(), any());

        long sms = jsonLong(mvc.perform(json(post("/api/contacts/hanako/channels"),
                        "{\"type\": \"SMS\", \"address\": \"+81 90-1234-5678\"}").with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel.address").value("+819012345678"))
                .andExpect(jsonPath("$.activationCodeSent").value(false))
                .andExpect(jsonPath("$.activationError", containsString("SMS is not configured"))), "$.channel.id");

        mvc.perform(post("/api/contacts/hanako/channels/" + sms + "/activation-code").with(MANAGER))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail", containsString("SMS is not configured")));
    }

    // --- helpers ----------------------------------------------------------------------------------------

    long addChannel(String type, String address) throws Exception {
        return jsonLong(mvc.perform(json(post("/api/contacts/hanako/channels"),
                        "{\"type\": \"" + type + "\", \"address\": \"" + address + "\"}").with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel.activated").value(false))
                .andExpect(jsonPath("$.activationCodeSent").value(true)), "$.channel.id");
    }

    void activate(long channelId) throws Exception {
        mvc.perform(json(post(activatePath(channelId)), "{\"code\": \"" + lastCode(channelId) + "\"}").with(MANAGER))
                .andExpect(status().isOk());
    }

    String lastCode() {
        ArgumentCaptor<String> code = ArgumentCaptor.forClass(String.class);
        verify(codeSender, atLeastOnce()).send(any(), any(), code.capture(), any(Duration.class));
        return code.getValue();
    }

    /** The last code sent to this channel. */
    String lastCode(long channelId) {
        ArgumentCaptor<ContactChannel> channel = ArgumentCaptor.forClass(ContactChannel.class);
        ArgumentCaptor<String> code = ArgumentCaptor.forClass(String.class);
        verify(codeSender, atLeastOnce()).send(any(), channel.capture(), code.capture(), any(Duration.class));
        String last = null;
        for (int i = 0; i < code.getAllValues().size(); i++) {
            if (channel.getAllValues().get(i).id() == channelId) {
                last = code.getAllValues().get(i);
            }
        }
        assertThat(last).as("a code sent to channel " + channelId).isNotNull();
        return last;
    }

    static String activatePath(long channelId) {
        return "/api/contacts/hanako/channels/" + channelId + "/activate";
    }

    static String other(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    void expectFieldProblem(ResultActions result, String field, String message) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));
    }

    static long jsonLong(ResultActions result, String path) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Object value = com.jayway.jsonpath.JsonPath.read(body, path);
        assertThat(value).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).characterEncoding(StandardCharsets.UTF_8)
                .content(body.getBytes(StandardCharsets.UTF_8));
    }

    static RequestPostProcessor basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader("Authorization", "Basic " + token);
            return request;
        };
    }
}
