package org.goldenthread.gateway.consent;

import feign.FeignException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the key-worker is told when consent-service refuses to decide (a 4xx): never a 500, never
 * an outage (the {@code consent} breaker ignores these), and no node is asked.
 *
 * <ul>
 *   <li>422 {@code identifiers-disagree}: consent-service's own records show the identifiers belong
 *       to different people. Answered as the gateway's own 422 {@code identifiers-disagree}, naming
 *       the request fields of the kinds that disagree, so the key-worker can check them;</li>
 *   <li>400, 401, 403, 422 and 429: the same status, code {@code consent-refused}, with
 *       consent-service's own code ({@code consentCode}) and detail, which hold no personal data (and
 *       for a spent aggregate budget its {@code limit} and {@code resetsAt}; for a break-glass refusal the
 *       renewal request to approve, the justification rule or the daily limit);</li>
 *   <li>any other 4xx (404, 405, 415…) is not the caller's doing but a hub misconfiguration: 502.</li>
 * </ul>
 */
final class ConsentRefusals {

    static final String DISAGREE = "identifiers-disagree";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LARGEST_BODY = 16 * 1024;
    private static final int LONGEST_DETAIL = 300;
    private static final Set<Integer> PASSED_ON = Set.of(400, 401, 403, 422, 429);

    /** The request fields each token kind is computed from. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "NHS", List.of("subject.nhsNumber"),
            "NINO", List.of("subject.nationalInsuranceNumber"),
            "NAME_DOB", List.of("subject.familyName", "subject.givenName", "subject.dateOfBirth"),
            "FUZZY_NAME_DOB_AREA", List.of("subject.familyName", "subject.givenName", "subject.dateOfBirth", "subject.postcode"));

    /** How the kinds are named to a person. */
    private static final Map<String, String> SPOKEN = Map.of(
            "NHS", "the NHS number",
            "NINO", "the National Insurance number",
            "NAME_DOB", "the name and date of birth",
            "FUZZY_NAME_DOB_AREA", "the name, date of birth and postcode");

    private ConsentRefusals() {
    }

    /** The problem to answer for consent-service's 4xx. */
    static RequestRejectedException of(FeignException refusal) {
        JsonNode problem = body(refusal);
        String code = problem.path("code").asString("");
        if (refusal.status() == 422 && DISAGREE.equals(code)) {
            return identifiersDisagree(problem.path("kinds"));
        }
        if (!PASSED_ON.contains(refusal.status())) {
            return new RequestRejectedException(HttpStatus.BAD_GATEWAY, "consent-refused",
                    "consent-service could not take the decision request (HTTP " + refusal.status() + "); no agency was asked");
        }
        String detail = problem.path("detail").asString("");
        ProblemDetail answer = Problems.of(HttpStatus.valueOf(refusal.status()), "consent-refused",
                "consent-service refused the decision request" + (detail.isBlank() ? "" : ": " + shortened(detail)));
        if (code.matches("[a-z][a-z0-9-]{0,60}")) {
            answer.setProperty("consentCode", code);
        }
        budget(problem, answer);
        breakGlass(problem, answer);
        return new RequestRejectedException(answer);
    }

    /**
     * What a key-worker needs to act on a break-glass refusal: the renewal request a second person approves
     * ({@code renewalRequestId}, {@code renewsSession}), which justification rule failed ({@code rule}), which daily
     * limit was reached ({@code limit} as a name, {@code max}, {@code window}). Only ids, rule names, a whole number
     * and a duration are copied, each checked against its shape; nothing else consent-service says goes through.
     */
    private static void breakGlass(JsonNode problem, ProblemDetail answer) {
        copyIfShaped(problem, answer, "renewalRequestId", "[A-Za-z0-9._-]{1,80}");
        copyIfShaped(problem, answer, "renewsSession", "[A-Za-z0-9._-]{1,80}");
        copyIfShaped(problem, answer, "rule", "[a-z][a-z0-9-]{0,60}");
        copyIfShaped(problem, answer, "window", "P[0-9A-Z]{1,20}");
        if (problem.path("limit").isString()) {
            copyIfShaped(problem, answer, "limit", "[a-z][a-z0-9-]{0,60}");
        }
        if (problem.path("max").isIntegralNumber()) {
            answer.setProperty("max", problem.path("max").asLong());
        }
    }

    private static void copyIfShaped(JsonNode problem, ProblemDetail answer, String name, String shape) {
        String value = problem.path(name).asString("");
        if (problem.path(name).isString() && value.matches(shape)) {
            answer.setProperty(name, value);
        }
    }

    /**
     * A spent daily budget (429 {@code aggregate-budget}) keeps its {@code limit} and {@code resetsAt}, so a
     * dashboard can say when to ask again; only a whole number and an instant are copied.
     */
    private static void budget(JsonNode problem, ProblemDetail answer) {
        if (problem.path("limit").isIntegralNumber()) {
            answer.setProperty("limit", problem.path("limit").asLong());
        }
        try {
            answer.setProperty("resetsAt", Instant.parse(problem.path("resetsAt").asString("")).toString());
        } catch (DateTimeParseException notAnInstant) {
            // none given, or not an instant: left out
        }
    }

    private static RequestRejectedException identifiersDisagree(JsonNode kindsNode) {
        Set<String> kinds = new LinkedHashSet<>();
        if (kindsNode.isArray()) {
            kindsNode.values().forEach(k -> {
                if (FIELDS.containsKey(k.asString(""))) {
                    kinds.add(k.asString());
                }
            });
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        List<String> spoken = new ArrayList<>();
        for (String kind : kinds) {
            spoken.add(SPOKEN.get(kind));
            for (String field : FIELDS.get(kind)) {
                if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                    errors.add(new Problems.FieldError(field, "belongs to a different person in the consent records"
                            + " than the other identifiers"));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.add(new Problems.FieldError("subject", "these identifiers belong to different people in the consent records"));
        }
        String check = spoken.isEmpty() ? "each identifier" : String.join(" and ", spoken);
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, DISAGREE,
                "these identifiers belong to different people in the consent records: check " + check
                        + " against your own record, and ask again with the identifiers of one person. No agency was asked.");
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        problem.setProperty("kinds", List.copyOf(kinds));
        return new RequestRejectedException(problem);
    }

    private static JsonNode body(FeignException refusal) {
        String content = refusal.contentUTF8();
        if (content == null || content.isBlank() || content.length() > LARGEST_BODY) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(content);
        } catch (JacksonException notJson) {
            return JSON.missingNode();
        }
    }

    private static String shortened(String detail) {
        return detail.length() <= LONGEST_DETAIL ? detail : detail.substring(0, LONGEST_DETAIL) + "…";
    }
}
