package org.goldenthread.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.identity.user.Role;
import org.goldenthread.identity.user.UserDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo scenario of DOMAIN.md (the Hale and Davis families, the employment hub's clients),
 * read from {@code demo-scenario.json}. People are fictional; NHS numbers have valid check
 * digits but belong to nobody.
 */
public final class DemoScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode scenario;

    private DemoScenario(JsonNode scenario) {
        this.scenario = scenario;
    }

    public static DemoScenario load() {
        try (InputStream in = DemoScenario.class.getResourceAsStream("/demo-scenario.json")) {
            if (in == null) {
                throw new IllegalStateException("demo-scenario.json is missing from the launcher");
            }
            return new DemoScenario(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AgencySpec> agencies() {
        List<AgencySpec> agencies = new ArrayList<>();
        scenario.get("agencies").forEach(a -> agencies.add(new AgencySpec(a.get("id").asString(), a.get("name").asString(),
                strings(a.get("categories")), a.has("involvementReveals") ? strings(a.get("involvementReveals")) : List.of())));
        return agencies;
    }

    /** Demo users as (username, password, agency, role description), for the banner. */
    public List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>();
        scenario.get("users").forEach(u -> users.add(new DemoUser(u.get("username").asString(), u.get("password").asString(),
                u.get("agency").asString(), u.get("role").asString())));
        return users;
    }

    public JsonNode walkthrough() {
        return scenario.get("walkthrough");
    }

    /**
     * Seeds users in-process (identity-service's own directory; there is no user yet to call its
     * admin API with), then every record and consent through the gateway with the demo users'
     * real tokens, as staff would enter them. The partnership's ISA (known-to flags for
     * coordination) is signed by each agency's admin for its own data. Idempotent: users are ensured, records are PUT by the agencies'
     * own references, a consent already recorded (same form reference) answers 409 and is kept, and acknowledged by
     * the source agencies' DPOs the scenario names (an acknowledgement already given answers 409 and stands).
     */
    public SeedReport seed(LocalFederation federation) {
        UserDirectory directory = federation.identity().getBean(UserDirectory.class);
        scenario.get("users").forEach(u -> directory.ensureUser(u.get("username").asString(), u.get("name").asString(),
                u.get("agency").asString(), roles(u.get("roles")), u.get("password").asString()));
        ServiceClient http = new ServiceClient(federation.gatewayUrl());
        int records = 0;
        for (JsonNode batch : scenario.get("records")) {
            // Through the gateway's own-agency route, as the agency's staff reach their node.
            String node = federation.gatewayUrl() + "/api/agencies/" + batch.get("agency").asString();
            String token = http.login(batch.get("as").asString(), password(batch.get("as").asString()));
            for (JsonNode subject : batch.get("subjects")) {
                http.put(node + "/subjects/" + subject.get("ref").asString(), token, without(subject, "ref"));
                records++;
            }
            for (JsonNode c : batch.get("cases")) {
                http.put(node + "/cases/" + c.get("ref").asString(), token, without(c, "ref"));
                records++;
            }
            for (JsonNode e : batch.get("events")) {
                http.put(node + "/cases/" + e.get("caseRef").asString() + "/events/" + e.get("ref").asString(), token,
                        without(e, "ref", "caseRef"));
                records++;
            }
            for (JsonNode a : batch.get("actions")) {
                http.put(node + "/cases/" + a.get("caseRef").asString() + "/actions/" + a.get("ref").asString(), token,
                        without(a, "ref", "caseRef"));
                records++;
            }
        }
        int consents = 0;
        for (JsonNode consent : scenario.get("consents")) {
            String token = http.login(consent.get("as").asString(), password(consent.get("as").asString()));
            ServiceClient.Recorded recorded = http.recordConsent(federation.gatewayUrl() + "/api/consents", token,
                    consent.get("body").toString());
            if (recorded.created()) {
                consents++;
            }
            // The source agencies' DPOs that have reviewed it; the walk-through leaves one for the reader.
            for (JsonNode dpo : consent.path("acknowledgedBy")) {
                http.acknowledgeConsent(federation.gatewayUrl() + "/api/consents",
                        http.login(dpo.asString(), password(dpo.asString())), recorded.id());
            }
        }
        int agreements = 0;
        for (JsonNode agreement : scenario.path("agreements")) {
            String admin = agreement.get("as").asString();
            String token = http.login(admin, password(admin));
            String title = agreement.get("body").get("title").asString();
            String source = agency(admin);
            // ISAs have no natural key the service enforces; the agency's own agreements are the check.
            JsonNode existing = http.getJson(federation.gatewayUrl() + "/api/consents/isas", token).path("agreements");
            boolean present = existing.valueStream().anyMatch(a -> title.equals(a.path("title").asString())
                    && source.equals(a.path("sourceAgency").asString()));
            if (!present) {
                http.postUnlessDuplicate(federation.gatewayUrl() + "/api/consents/isas", token, agreement.get("body").toString());
                agreements++;
            }
        }
        return new SeedReport(scenario.get("users").size(), records, consents, agreements);
    }

    private String password(String username) {
        for (JsonNode u : scenario.get("users")) {
            if (u.get("username").asString().equals(username)) {
                return u.get("password").asString();
            }
        }
        throw new IllegalStateException("demo user " + username + " is not in the scenario");
    }

    private String agency(String username) {
        for (JsonNode u : scenario.get("users")) {
            if (u.get("username").asString().equals(username)) {
                return u.get("agency").asString();
            }
        }
        throw new IllegalStateException("demo user " + username + " is not in the scenario");
    }

    private static String without(JsonNode node, String... fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy.toString();
    }

    private static Set<Role> roles(JsonNode names) {
        return strings(names).stream().map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** A demo login. */
    public record DemoUser(String username, String password, String agency, String role) {
    }

    /** What seeding did: users ensured, records written, consents and sharing agreements newly recorded. */
    public record SeedReport(int users, int records, int newConsents, int newAgreements) {
    }
}
