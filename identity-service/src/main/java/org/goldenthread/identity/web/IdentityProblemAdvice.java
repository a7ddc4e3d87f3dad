package org.goldenthread.identity.web;

import java.util.List;
import java.util.stream.Collectors;
import org.goldenthread.identity.admin.ReauthenticationRequiredException;
import org.goldenthread.identity.agency.InvalidAgencyException;
import org.goldenthread.identity.user.InvalidUserException;
import org.goldenthread.identity.user.SecondFactorException;
import org.goldenthread.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * This service's additions to the shared problem mapping (which stays the fallback). A JSON value
 * of the wrong type, e.g. {@code {"username":{"$gt":""}}}, is answered as a field error rather
 * than a bare "malformed body", so clients learn which field to fix.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemAdvice {

    @ExceptionHandler(InvalidAgencyException.class)
    ProblemDetail invalidAgency(InvalidAgencyException e) {
        return Problems.invalid("validation-failed", "the request is not valid",
                List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidUserException.class)
    ProblemDetail invalidUser(InvalidUserException e) {
        return Problems.invalid("validation-failed", "the request is not valid",
                List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(SecondFactorException.class)
    ProblemDetail secondFactor(SecondFactorException e) {
        return Problems.of(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    /** RFC 9470 step-up: the token is valid, the sign-in behind it too old for this change. */
    @ExceptionHandler(ReauthenticationRequiredException.class)
    ResponseEntity<ProblemDetail> reauthenticate(ReauthenticationRequiredException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_user_authentication\", "
                        + "error_description=\"a more recent sign-in is required\", max_age=" + e.maxAge().toSeconds())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "reauthentication-required", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            return Problems.invalid("validation-failed", "the request is not valid",
                    List.of(new Problems.FieldError(field, "has the wrong type or an unknown value")));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "the request body is not valid JSON of the expected shape");
    }
}
