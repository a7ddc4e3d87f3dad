package org.goldenthread.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Thrown by application code to answer with a specific problem (4xx). */
public class RequestRejectedException extends RuntimeException {

    private final transient ProblemDetail problem;

    public RequestRejectedException(HttpStatus status, String code, String detail) {
        this(Problems.of(status, code, detail));
    }

    public RequestRejectedException(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    public static RequestRejectedException invalid(String field, String message) {
        return new RequestRejectedException(Problems.invalid("validation-failed", "the request is not valid",
                List.of(new Problems.FieldError(field, message))));
    }

    public ProblemDetail problem() {
        return problem;
    }
}
