package org.goldenthread.gateway.consent;

import feign.FeignException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Asks consent-service for a decision, reactively: the blocking Feign call runs on the bounded
 * elastic scheduler, inside the {@code consent} circuit breaker and time limiter (YAML). Any
 * failure to decide becomes {@link ConsentUnavailableException}: deny by default, fail closed; a
 * refusal to decide (4xx) becomes the problem {@link ConsentRefusals} says, and no node is asked.
 * Not retried: a decision is recorded by consent-service, so the call is not idempotent.
 */
@Component
public class ConsentDecisions {

    private final ConsentClient client;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final MeterRegistry meters;

    ConsentDecisions(ConsentClient client, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters,
            MeterRegistry meters) {
        this.client = client;
        this.breaker = breakers.circuitBreaker("consent", "consent");
        this.timeLimiter = timeLimiters.timeLimiter("consent", "consent");
        this.meters = meters;
    }

    public Mono<Decision> decide(String bearerToken, DecisionRequest request) {
        return call(() -> client.decide("Bearer " + bearerToken, request));
    }

    /** For counts about nobody in particular; the same protection and failure handling. */
    public Mono<Decision> decideAggregate(String bearerToken, AggregateDecisionRequest request) {
        return call(() -> client.decideAggregate("Bearer " + bearerToken, request));
    }

    private Mono<Decision> call(Callable<Decision> decision) {
        return Mono.fromCallable(decision)
                .subscribeOn(Schedulers.boundedElastic())
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .doOnNext(this::count)
                .onErrorMap(this::translate);
    }

    private void count(Decision decision) {
        decision.agencies().forEach(a -> meters.counter("goldenthread.consent.decisions", "outcome", String.valueOf(a.outcome())).increment());
    }

    private Throwable translate(Throwable error) {
        if (error instanceof FeignException feign && feign.status() >= 400 && feign.status() < 500) {
            // consent-service refused the request itself: the caller's fault (or the hub's), not an outage.
            return ConsentRefusals.of(feign);
        }
        return new ConsentUnavailableException("consent-service could not decide", error);
    }
}
