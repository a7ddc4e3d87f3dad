package org.goldenthread.consent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.consent.web.RunningConsentService.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission table of the README (ConsentPermissions), row by row over HTTP against the booted service: every
 * role, in the recording agency (council) and in another (police), for every action. A refusal is 403 {@code
 * forbidden} for a role that may never take the action, 404 {@code consent-not-found} for a record beyond the
 * caller's reach (its existence is itself information).
 */
class ConsentPermissionsTest {

    static final List<String> ROLES = List.of("KEY_WORKER", "TEAM_MANAGER", "DPO", "AGENCY_ADMIN", "FEDERATION_ADMIN",
            "BREAK_GLASS", "");
    static final AtomicInteger SUBJECTS = new AtomicInteger();

    @TempDir
    static Path data;
    static RunningConsentService service;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        service = RunningConsentService.boot(data);
        http = service.http;
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    enum Action { RECORD, READ, READ_FHIR, REVISE, WITHDRAW, REVIEW_QUEUE }

    /** 0 = allowed (the action's success status). */
    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String role : ROLES) {
            boolean takesConsent = role.equals("KEY_WORKER") || role.equals("TEAM_MANAGER");
            boolean dpo = role.equals("DPO");
            String name = role.isEmpty() ? "no role" : role;
            // Own agency (council).
            rows.add(Arguments.of(name, "council", Action.RECORD, takesConsent ? 201 : 403));
            rows.add(Arguments.of(name, "council", Action.READ, takesConsent || dpo ? 200 : 404));
            rows.add(Arguments.of(name, "council", Action.READ_FHIR, takesConsent || dpo ? 200 : 404));
            rows.add(Arguments.of(name, "council", Action.REVISE, takesConsent ? 200 : 403));
            rows.add(Arguments.of(name, "council", Action.WITHDRAW, takesConsent ? 200 : 403));
            rows.add(Arguments.of(name, "council", Action.REVIEW_QUEUE, dpo ? 200 : 403));
            // Another agency (police), whose name the record does not carry.
            rows.add(Arguments.of(name, "police", Action.READ, 404));
            rows.add(Arguments.of(name, "police", Action.READ_FHIR, 404));
            rows.add(Arguments.of(name, "police", Action.REVISE, takesConsent ? 404 : 403));
            rows.add(Arguments.of(name, "police", Action.WITHDRAW, takesConsent ? 404 : 403));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} of {1}: {2} → {3}")
    @MethodSource("table")
    void answersAsTheTableSays(String role, String agency, Action action, int expected) {
        String caller = role.equals("no role") ? service.identity.token("someone." + agency, agency)
                : service.identity.token("user." + agency, agency, role);
        int n = SUBJECTS.incrementAndGet();
        String id = action == Action.RECORD ? null : recordByCouncil(n);
        Http.Answer answer = switch (action) {
            case RECORD -> http.post("/api/consents", caller, body(n, "CF-PERM-" + n));
            case READ -> http.get("/api/consents/" + id, caller);
            case READ_FHIR -> http.get("/api/consents/" + id + "/fhir", caller);
            case REVISE -> http.put("/api/consents/" + id, caller, revision("CF-PERM-" + n + "b"));
            case WITHDRAW -> http.post("/api/consents/" + id + "/withdrawal", caller, "{\"reason\":\"family asked\"}");
            case REVIEW_QUEUE -> http.get("/api/consents/consent-reviews", caller);
        };
        if (expected >= 400) {
            assertProblem(answer, expected, expected == 403 ? "forbidden" : "consent-not-found");
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
        }
        if (id != null && action != Action.READ && action != Action.READ_FHIR && action != Action.REVIEW_QUEUE) {
            // A refused revision or withdrawal changed nothing.
            var now = http.get("/api/consents/" + id, service.keyWorker).json();
            assertThat(now.get("revision")).isEqualTo(expected >= 400 ? 1 : 2);
        }
    }

    /** A record of council naming housing only: police is neither its agency nor named in it. */
    static String recordByCouncil(int n) {
        var created = http.post("/api/consents", service.keyWorker, body(n, "CF-PERM-" + n));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    static String body(int n, String reference) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("familyName", "Table");
        subject.put("givenName", "Row" + letters(n));
        subject.put("dateOfBirth", "2001-01-01");
        return consent(subject, PERIOD, "SIGNED_FORM", reference, List.of(Map.of("type", "PERMIT",
                "sources", List.of("housing"), "recipients", List.of("council"), "purposes", List.of("CASE_MANAGEMENT"),
                "categories", List.of("HOUSING"))));
    }

    static String revision(String reference) {
        return Http.json(Map.of("period", PERIOD,
                "evidence", Map.of("kind", "SIGNED_FORM", "reference", reference, "privacyNoticeVersion", "v4"),
                "provisions", List.of(Map.of("type", "PERMIT", "sources", List.of("housing"),
                        "recipients", List.of("council"), "purposes", List.of("CASE_MANAGEMENT"),
                        "categories", List.of("HOUSING", "CONTACT")))));
    }

    static String letters(int n) {
        return Integer.toString(n).chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
    }
}
