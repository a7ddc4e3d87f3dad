package org.goldenthread.consent.aggregate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.Problems;
import org.goldenthread.platform.web.RequestRejectedException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * Each user's daily budget of aggregate decisions (counts for outcome evidence). Charged for every
 * aggregate decision request before it is decided, whatever the answer, so a refusal to count costs
 * the same as a count: what is bounded is the number of questions. Refused past the budget with 429
 * {@code aggregate-budget}, naming the limit and when it resets (midnight UTC). The refusal is counted
 * in a metric without the user (no user ids in metrics or logs).
 */
@Service
@EnableConfigurationProperties(AggregateBudgetProperties.class)
public class AggregateBudget {

    private final AggregateBudgetStore store;
    private final int limit;
    private final Clock clock;
    private final Counter refused;

    AggregateBudget(AggregateBudgetStore store, AggregateBudgetProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.limit = properties.dailyBudget();
        this.clock = clock;
        this.refused = meters.counter("goldenthread.consent.aggregate.budget.refused");
    }

    /** Takes one query from the requester's budget for today, or refuses when none is left. */
    public void spend(Requester requester) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant resetsAt = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Kept a day past its reset (MongoDB's TTL index then drops it): yesterday's count is never read again.
        if (store.spend(requester.user(), today, resetsAt.plusSeconds(86_400)) <= limit) {
            return;
        }
        refused.increment();
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "aggregate-budget",
                "you have asked for counts across agencies " + limit + " times today, the most one person may in a day; "
                        + "you can ask again after midnight UTC (" + resetsAt + ")");
        problem.setProperty("limit", limit);
        problem.setProperty("resetsAt", resetsAt.toString());
        throw new RequestRejectedException(problem);
    }
}
