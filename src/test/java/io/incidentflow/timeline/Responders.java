package io.incidentflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** People working incidents over HTTP with their own logins, as Tasklist does (see IncidentLifecycleTest). */
record Responders(TestRestTemplate http, ObjectMapper json) {

    JsonNode report(String user, Map<String, Object> body) throws Exception {
        ResponseEntity<String> response = exchange(user, HttpMethod.POST, "/api/incidents", body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    /** Claims the task waiting at {@code activity} and submits its form. */
    void work(String user, String processInstanceId, String activity, Map<String, String> values) throws Exception {
        JsonNode tasks = json.readTree(exchange(user, HttpMethod.GET, "/engine-rest/task?processInstanceId="
                + processInstanceId + "&taskDefinitionKey=" + activity, null).getBody());
        assertThat(tasks.size()).as(user + " sees the task at " + activity).isEqualTo(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        ResponseEntity<String> submitted = exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", variables));
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(submitted.getBody()).isTrue();
    }

    List<String> openTaskIds(String user, String processInstanceId) throws Exception {
        JsonNode tasks = json.readTree(exchange(user, HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + processInstanceId, null).getBody());
        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    JsonNode getJson(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    ResponseEntity<String> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    ResponseEntity<byte[]> getBytes(String user, String path) {
        return http.withBasicAuth(user, password(user)).exchange(path, HttpMethod.GET, null, byte[].class);
    }

    ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, password(user)).exchange(path, method, body == null ? null : jsonEntity(body),
                String.class);
    }

    static String password(String user) {
        return "admin".equals(user) ? "test-admin-password" : user + "-password";
    }

    static HttpEntity<Object> jsonEntity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
