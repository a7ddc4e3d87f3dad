package org.goldenthread.gateway.web;

import java.net.ConnectException;
import java.util.List;
import org.goldenthread.federation.Vocabulary.UnknownTermException;
import org.goldenthread.federation.linkage.InvalidIdentifierException;
import org.goldenthread.gateway.consent.ConsentUnavailableException;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The gateway's one exception-to-problem mapping (RFC 9457, stable {@code code}). */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(InvalidIdentifierException.class)
    ProblemDetail invalidIdentifier(InvalidIdentifierException e) {
        return Problems.invalidIdentifier(e, "subject.");
    }

    @ExceptionHandler(UnknownTermException.class)
    ProblemDetail unknownTerm(UnknownTermException e) {
        return Problems.unknownTerm(e);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return e.problem();
    }

    @ExceptionHandler(ConsentUnavailableException.class)
    ProblemDetail consentUnavailable(ConsentUnavailableException e) {
        log.warn("failing closed: {} ({})", e.getMessage(), e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "consent-unavailable",
                "no consent decision could be obtained, so no agency was asked; try again shortly");
    }

    /**
     * A proxied route whose service cannot be reached (refused, reset or timed-out connection): 503
     * saying which, never a 500. Sign-in gets a sentence of its own, as it is what a user sees first.
     */
    @ExceptionHandler(ConnectException.class)
    ProblemDetail unreachable(ConnectException e, ServerWebExchange exchange) {
        String path = RequestPaths.canonical(exchange.getRequest()).orElse("");
        log.warn("failing closed: a service behind the gateway is unreachable ({})", e.getClass().getSimpleName());
        if (path.equals("/api/identity/login")) {
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable",
                    "the sign-in service is unavailable; try again shortly");
        }
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "a service behind the gateway is unavailable; try again shortly");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unhandled {} at {}", e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "the gateway could not complete the request");
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(e, body, headers, status, exchange).doOnNext(answer -> {
            if (answer.getBody() instanceof ProblemDetail problem) {
                Problems.withCode(problem);
            }
        });
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Problems.FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))).toList();
        return Mono.just(ResponseEntity.badRequest().body(Problems.invalid("validation-failed", "the request is not valid", errors)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "the request body is not valid JSON of the expected shape")));
    }
}
