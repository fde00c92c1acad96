package io.incidentflow.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** HTTP Basic logins of the test profile's users, for MockMvc requests. */
public final class Logins {

    public static final RequestPostProcessor ADMIN = basic("admin", "test-admin-password");
    public static final RequestPostProcessor DESK = basic("desk-user", "desk-user-password");
    public static final RequestPostProcessor RESOLVER = basic("net-user", "net-user-password");
    public static final RequestPostProcessor MANAGER = basic("manager-user", "manager-user-password");
    public static final RequestPostProcessor AUDITOR = basic("auditor-user", "auditor-user-password");
    public static final RequestPostProcessor ANALYST = basic("analyst-user", "analyst-user-password");

    private Logins() {
    }

    public static RequestPostProcessor basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader("Authorization", "Basic " + token);
            return request;
        };
    }
}
