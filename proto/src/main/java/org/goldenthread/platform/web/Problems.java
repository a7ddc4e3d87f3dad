package org.goldenthread.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details with the project's conventions: a stable machine-readable
 * {@code code} property (also the last segment of {@code type}), a human-readable
 * {@code detail}, and for validation failures an {@code errors} list of {field, message}.
 * Never a stack trace, never a rejected value that could be personal data.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://goldenthread.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /** An identifier that cannot be used, named by its field (with {@code fieldPrefix} before it). */
    public static ProblemDetail invalidIdentifier(org.goldenthread.federation.linkage.InvalidIdentifierException e,
            String fieldPrefix) {
        return invalid("invalid-identifier", "an identifier is not valid",
                java.util.List.of(new FieldError(fieldPrefix + e.field(), e.getMessage())));
    }

    /** A name outside the fixed vocabulary: {@code unknown-purpose}, {@code unknown-data-category}, … */
    public static ProblemDetail unknownTerm(org.goldenthread.federation.Vocabulary.UnknownTermException e) {
        return of(HttpStatus.BAD_REQUEST, "unknown-" + e.term().replace(' ', '-'), e.getMessage());
    }

    /**
     * Gives a framework-made problem (404, 405, 413, 415…) the project's stable {@code code} and
     * {@code type}, so every error a client sees has one, whoever raised it.
     */
    public static ProblemDetail withCode(ProblemDetail problem) {
        if (problem.getProperties() != null && problem.getProperties().containsKey("code")) {
            return problem;
        }
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        String code = status == null ? "http-" + problem.getStatus()
                : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            code = "payload-too-large";
        }
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail invalid(String code, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, code, detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    /** One field's complaint. */
    public record FieldError(String field, String message) {
    }
}
