package io.incidentflow.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code /api/schedules} in the whole application: the test profile's users log in with HTTP Basic, so the
 * security rules, validation, problem JSON and the database are the real ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OnCallApiTest {

    /**
     * Tokyo: a weekly backstop handing off in New York, business hours on weekdays (in the schedule's zone, as the
     * rotation names no zone of its own) and hanako's Wednesday covered by jiro.
     */
    static final String DB_PRIMARY = """
            {"id": "db-primary", "name": "DB primary", "timeZone": "Asia/Tokyo",
             "rotations": [
               {"name": "backstop", "participants": ["yamada", "suzuki"], "shiftLength": 1, "shiftUnit": "WEEKS",
                "handoffTime": "09:00", "timeZone": "America/New_York", "startDate": "2026-03-02"},
               {"name": "office", "participants": ["hanako", "taro"], "shiftLength": 1, "shiftUnit": "DAYS",
                "handoffTime": "09:00", "startDate": "2026-03-02",
                "window": {"days": ["FRIDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"],
                           "start": "09:00", "end": "18:00"}}],
             "overrides": [{"start": "2026-03-04T00:00:00+09:00", "end": "2026-03-05T00:00:00+09:00",
                            "replaces": "hanako", "contact": "jiro"}]}""";

    static final String HOLIDAY = """
            {"start": "2026-03-03T00:00:00Z", "end": "2026-03-03T06:00:00Z", "contact": "kenji"}""";

    static final RequestPostProcessor MANAGER = basic("manager-user", "manager-user-password");
    static final RequestPostProcessor ADMIN = basic("admin", "test-admin-password");
    static final RequestPostProcessor DESK = basic("desk-user", "desk-user-password");
    static final RequestPostProcessor RESOLVER = basic("net-user", "net-user-password");
    static final RequestPostProcessor AUDITOR = basic("auditor-user", "auditor-user-password");
    static final RequestPostProcessor ANALYST = basic("analyst-user", "analyst-user-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noSchedules() {
        jdbc.sql("DELETE FROM schedule").update();
    }

    // --- create, read, replace, delete -----------------------------------------------------------------

    @Test
    void aManagerCreatesAScheduleAndEveryoneReadsIt() throws Exception {
        mvc.perform(json(post("/api/schedules"), DB_PRIMARY).with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/schedules/db-primary"))
                .andExpect(jsonPath("$.id").value("db-primary"))
                .andExpect(jsonPath("$.timeZone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.rotations", hasSize(2)))
                .andExpect(jsonPath("$.rotations[0].timeZone").value("America/New_York"))
                .andExpect(jsonPath("$.rotations[1].timeZone").value("Asia/Tokyo"))
                .andExpect(jsonPath("$.rotations[1].handoffTime").value("09:00:00"))
                .andExpect(jsonPath("$.rotations[1].window.days[0]").value("MONDAY"))
                .andExpect(jsonPath("$.rotations[1].window.days[4]").value("FRIDAY"))
                .andExpect(jsonPath("$.rotations[0].window").doesNotExist())
                .andExpect(jsonPath("$.overrides[0].id").isNumber())
                .andExpect(jsonPath("$.overrides[0].start").value("2026-03-03T15:00:00Z"))
                .andExpect(jsonPath("$.overrides[0].replaces").value("hanako"));

        for (RequestPostProcessor reader : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST, ADMIN}) {
            mvc.perform(get("/api/schedules/db-primary").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("DB primary"))
                    .andExpect(jsonPath("$.rotations[1].participants[1]").value("taro"));
        }
        mvc.perform(get("/api/schedules").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains("db-primary")));
    }

    @Test
    void onCallAnswersWhoIsOnCallAtTheGivenInstantOrNow() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-03-03T01:00:00Z").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduleId").value("db-primary"))
                .andExpect(jsonPath("$.at").value("2026-03-03T01:00:00Z"))
                .andExpect(jsonPath("$.contacts").value(contains("taro")));
        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-03-04T01:00:00Z").with(AUDITOR))
                .andExpect(jsonPath("$.contacts").value(contains("jiro")));
        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-03-03T11:00:00Z").with(RESOLVER))
                .andExpect(jsonPath("$.contacts").value(contains("yamada")));
        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-01-01T00:00:00Z").with(DESK))
                .andExpect(jsonPath("$.contacts", hasSize(0)));
        mvc.perform(get("/api/schedules/db-primary/on-call").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.at").isString())
                .andExpect(jsonPath("$.contacts").isArray());
    }

    @Test
    void shiftsAnswerTheShiftInProgressAndTheNextOnes() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(get("/api/schedules/db-primary/shifts").param("from", "2026-03-03T01:00:00Z")
                        .param("count", "3").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-03-03T01:00:00Z"))
                .andExpect(jsonPath("$.shifts", hasSize(3)))
                .andExpect(jsonPath("$.shifts[0].start").value("2026-03-03T00:00:00Z"))
                .andExpect(jsonPath("$.shifts[0].end").value("2026-03-03T09:00:00Z"))
                .andExpect(jsonPath("$.shifts[0].contacts[0]").value("taro"))
                .andExpect(jsonPath("$.shifts[0].layer").value(1))
                .andExpect(jsonPath("$.shifts[0].overridden").value(false))
                .andExpect(jsonPath("$.shifts[1].contacts[0]").value("yamada"))
                .andExpect(jsonPath("$.shifts[1].layer").value(0))
                .andExpect(jsonPath("$.shifts[2].start").value("2026-03-04T00:00:00Z"))
                .andExpect(jsonPath("$.shifts[2].contacts[0]").value("jiro"))
                .andExpect(jsonPath("$.shifts[2].overridden").value(true));
        mvc.perform(get("/api/schedules/db-primary/shifts").with(DESK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shifts", hasSize(10)));
    }

    @Test
    void putReplacesTheWholeScheduleAndDeleteRemovesIt() throws Exception {
        create(DB_PRIMARY);
        String renamed = DB_PRIMARY.replace("\"DB primary\"", "\"DB primary (2026)\"")
                .replace("\"participants\": [\"hanako\", \"taro\"]", "\"participants\": [\"taro\"]")
                .replace("\"replaces\": \"hanako\"", "\"replaces\": \"taro\"");

        mvc.perform(json(put("/api/schedules/db-primary"), renamed).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("DB primary (2026)"))
                .andExpect(jsonPath("$.rotations[1].participants", hasSize(1)))
                .andExpect(jsonPath("$.overrides[0].replaces").value("taro"));
        mvc.perform(delete("/api/schedules/db-primary").with(MANAGER)).andExpect(status().isNoContent());
        mvc.perform(get("/api/schedules/db-primary").with(DESK))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Schedule not found"))
                .andExpect(jsonPath("$.detail").value("There is no schedule db-primary."));
        mvc.perform(json(put("/api/schedules/db-primary"), DB_PRIMARY).with(ADMIN)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/schedules/db-primary").with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void overridesAreAddedReadAndRemovedOnTheirOwn() throws Exception {
        create(DB_PRIMARY);

        String location = mvc.perform(json(post("/api/schedules/db-primary/overrides"), HOLIDAY).with(MANAGER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contact").value("kenji"))
                .andExpect(jsonPath("$.replaces").doesNotExist())
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location).with(DESK)).andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2026-03-03T00:00:00Z"));
        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-03-03T01:00:00Z").with(DESK))
                .andExpect(jsonPath("$.contacts").value(contains("kenji")));
        mvc.perform(delete(location).with(MANAGER)).andExpect(status().isNoContent());
        mvc.perform(delete(location).with(MANAGER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Override not found"));
        mvc.perform(get(location).with(DESK)).andExpect(status().isNotFound());
        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", "2026-03-03T01:00:00Z").with(DESK))
                .andExpect(jsonPath("$.contacts").value(contains("taro")));
    }

    @Test
    void aTakenIdIsAConflict() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(json(post("/api/schedules"), DB_PRIMARY).with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Schedule exists"));
    }

    @Test
    void anUnknownScheduleIsNotFoundForEveryLookUp() throws Exception {
        for (String path : new String[] {"/api/schedules/nope/on-call", "/api/schedules/nope/shifts",
                "/api/schedules/nope/overrides/1"}) {
            mvc.perform(get(path).with(DESK))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("There is no schedule nope."));
        }
        mvc.perform(json(post("/api/schedules/nope/overrides"), HOLIDAY).with(MANAGER)).andExpect(status().isNotFound());
    }

    // --- bad input --------------------------------------------------------------------------------------

    static Stream<Arguments> badSchedules() {
        return Stream.of(
                Arguments.of("\"timeZone\": \"Asia/Tokyo\"", "\"timeZone\": \"Asia/Tokio\"", "timeZone", "IANA"),
                Arguments.of("\"timeZone\": \"Asia/Tokyo\"", "\"timeZone\": \"+09:00\"", "timeZone", "IANA"),
                Arguments.of("\"timeZone\": \"Asia/Tokyo\",", "", "timeZone", "must not be null"),
                Arguments.of("\"America/New_York\"", "\"Mars/Olympus_Mons\"", "rotations[0].timeZone", "IANA"),
                Arguments.of("\"shiftLength\": 1, \"shiftUnit\": \"WEEKS\"", "\"shiftLength\": 0, \"shiftUnit\": \"WEEKS\"",
                        "rotations[0].shiftLength", "greater than 0"),
                Arguments.of("\"shiftLength\": 1, \"shiftUnit\": \"WEEKS\"", "\"shiftLength\": -2, \"shiftUnit\": \"WEEKS\"",
                        "rotations[0].shiftLength", "greater than 0"),
                Arguments.of("\"shiftUnit\": \"WEEKS\"", "\"shiftUnit\": \"MONTHS\"", "rotations[0].shiftUnit",
                        "HOURS, DAYS, WEEKS"),
                Arguments.of("[\"yamada\", \"suzuki\"]", "[]", "rotations[0].participants", "must not be empty"),
                Arguments.of("[\"yamada\", \"suzuki\"]", "[\" \"]", "rotations[0].participants[0]", "must not be blank"),
                Arguments.of("\"handoffTime\": \"09:00\", \"timeZone\"", "\"handoffTime\": \"25:00\", \"timeZone\"",
                        "rotations[0].handoffTime", "time of day"),
                Arguments.of("\"startDate\": \"2026-03-02\"}", "\"startDate\": \"2026-02-30\"}",
                        "rotations[0].startDate", "date such as"),
                Arguments.of("[\"FRIDAY\", \"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\"]", "[]",
                        "rotations[1].window.days", "must not be empty"),
                Arguments.of("\"id\": \"db-primary\"", "\"id\": \"DB Primary\"", "id", "such as db-primary"),
                Arguments.of("\"end\": \"2026-03-05T00:00:00+09:00\"", "\"end\": \"2026-03-03T00:00:00+09:00\"",
                        "overrides[0].end", "must be after start"),
                Arguments.of("\"replaces\": \"hanako\"", "\"replaces\": \"hanak0\"", "overrides[0].replaces",
                        "participant"));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("badSchedules")
    void aBadValueIsAProblemNamingItsField(String valid, String bad, String field, String message) throws Exception {
        String body = DB_PRIMARY.replace(valid, bad);
        assertThat(body).as("the fixture contains the fragment").isNotEqualTo(DB_PRIMARY);

        mvc.perform(json(post("/api/schedules"), body).with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message", containsString(message)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM schedule").query(Long.class).single())
                .isZero();
    }

    @Test
    void noRotationsIsAProblemNamingTheRotations() throws Exception {
        mvc.perform(json(post("/api/schedules"), """
                        {"id": "empty", "name": "Empty", "timeZone": "Asia/Tokyo", "rotations": []}""").with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rotations"));
    }

    @Test
    void aPutForAnotherIdIsAProblemNamingTheId() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(json(put("/api/schedules/db-secondary"), DB_PRIMARY).with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message", containsString("db-secondary")));
    }

    @Test
    void aBadOverrideIsAProblemNamingItsField() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(json(post("/api/schedules/db-primary/overrides"), HOLIDAY.replace("06:00:00Z", "00:00:00Z"))
                        .with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("end"))
                .andExpect(jsonPath("$.errors[0].message").value("must be after start"));
        mvc.perform(json(post("/api/schedules/db-primary/overrides"),
                        HOLIDAY.replace("\"contact\"", "\"replaces\": \"nobody\", \"contact\"")).with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("replaces"));
        mvc.perform(json(post("/api/schedules/db-primary/overrides"), HOLIDAY.replace("\"kenji\"", "\"\""))
                        .with(MANAGER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=0", "count=101", "count=many", "from=yesterday"})
    void aBadShiftsParameterIsAProblemNamingIt(String parameter) throws Exception {
        create(DB_PRIMARY);
        String name = parameter.substring(0, parameter.indexOf('='));

        mvc.perform(get("/api/schedules/db-primary/shifts?" + parameter).with(DESK))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(name));
    }

    @Test
    void aCountOutsideOneToAHundredNamesTheLimits() throws Exception {
        create(DB_PRIMARY);

        mvc.perform(get("/api/schedules/db-primary/shifts").param("count", "101").with(DESK))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 100"));
        mvc.perform(get("/api/schedules/db-primary/shifts").param("count", "0").with(DESK))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than or equal to 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-03-03", "+10000-01-01T00:00:00Z"})
    void aBadOnCallInstantIsAProblemNamingIt(String at) throws Exception {
        create(DB_PRIMARY);

        mvc.perform(get("/api/schedules/db-primary/on-call").param("at", at).with(DESK))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"));
    }

    // --- access -----------------------------------------------------------------------------------------

    @Test
    void respondersAuditorsAndAnalystsMayNotChangeSchedules() throws Exception {
        create(DB_PRIMARY);

        for (RequestPostProcessor user : new RequestPostProcessor[] {DESK, RESOLVER, AUDITOR, ANALYST}) {
            mvc.perform(json(post("/api/schedules"), DB_PRIMARY.replace("db-primary", "mine")).with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(json(put("/api/schedules/db-primary"), DB_PRIMARY).with(user)).andExpect(status().isForbidden());
            mvc.perform(delete("/api/schedules/db-primary").with(user)).andExpect(status().isForbidden());
            mvc.perform(json(post("/api/schedules/db-primary/overrides"), HOLIDAY).with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(delete("/api/schedules/db-primary/overrides/1").with(user)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/schedules/db-primary").with(DESK))
                .andExpect(jsonPath("$.overrides", hasSize(1)));
        mvc.perform(get("/api/schedules").with(DESK)).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void anAdministratorMayChangeSchedules() throws Exception {
        mvc.perform(json(post("/api/schedules"), DB_PRIMARY).with(ADMIN)).andExpect(status().isCreated());
        mvc.perform(json(post("/api/schedules/db-primary/overrides"), HOLIDAY).with(ADMIN))
                .andExpect(status().isCreated());
    }

    @Test
    void strangersMustLogIn() throws Exception {
        mvc.perform(get("/api/schedules")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/schedules/db-primary/on-call")).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/schedules"), DB_PRIMARY)).andExpect(status().isUnauthorized());
        // An unknown user: a wrong password for a real one makes Camunda lock that user out for a while.
        mvc.perform(get("/api/schedules").with(basic("no-such-user", "no-such-password")))
                .andExpect(status().isUnauthorized());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private void create(String body) throws Exception {
        mvc.perform(json(post("/api/schedules"), body).with(MANAGER)).andExpect(status().isCreated());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestPostProcessor basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader("Authorization", "Basic " + token);
            return request;
        };
    }
}
