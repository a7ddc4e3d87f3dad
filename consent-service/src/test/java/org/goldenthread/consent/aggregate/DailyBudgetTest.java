package org.goldenthread.consent.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.store.EmbeddedMongoStore;
import org.goldenthread.platform.web.RequestRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget's day, with a clock the test moves (the service's own clock is the system's): over the
 * embedded store the service runs on, the last query of a day is refused until midnight UTC and no
 * later, and one user's spending leaves another's budget whole.
 */
class DailyBudgetTest {

    static final Requester OLU = new Requester("olu.outcomes", "council", List.of("TEAM_MANAGER"));
    static final Requester SAM = new Requester("sam.manager", "council", List.of("TEAM_MANAGER"));

    @TempDir
    Path data;
    EmbeddedMongoStore store;
    MongoClient client;
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AggregateBudget budget;

    @BeforeEach
    void open() {
        store = new EmbeddedMongoStore(data);
        client = MongoClients.create(store.connectionString());
        budget = new AggregateBudget(new AggregateBudgetStore(client.getDatabase("consent")),
                new AggregateBudgetProperties(2), clock, meters);
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void refusesTheQueryPastTheBudgetUntilMidnightUtc() {
        budget.spend(OLU);
        budget.spend(OLU);

        clock.now = Instant.parse("2026-12-02T23:59:59Z");
        assertThatThrownBy(() -> budget.spend(OLU)).isInstanceOfSatisfying(RequestRejectedException.class, e -> {
            assertThat(e.problem().getStatus()).isEqualTo(429);
            assertThat(e.problem().getProperties()).containsEntry("code", "aggregate-budget").containsEntry("limit", 2)
                    .containsEntry("resetsAt", "2026-12-03T00:00:00Z");
            assertThat(e.problem().getDetail()).contains("2 times today").doesNotContain("olu");
        });
        assertThat(meters.counter("goldenthread.consent.aggregate.budget.refused").count()).isEqualTo(1);

        clock.now = Instant.parse("2026-12-03T00:00:00Z");
        budget.spend(OLU);
        budget.spend(OLU);
        assertThatThrownBy(() -> budget.spend(OLU)).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void oneUsersQueriesLeaveAnothersBudgetWhole() {
        budget.spend(OLU);
        budget.spend(OLU);
        assertThatThrownBy(() -> budget.spend(OLU)).isInstanceOf(RequestRejectedException.class);

        budget.spend(SAM);
        budget.spend(SAM);
        assertThatThrownBy(() -> budget.spend(SAM)).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void keepsTheCountAcrossARestartOfTheService() {
        budget.spend(OLU);
        AggregateBudget restarted = new AggregateBudget(new AggregateBudgetStore(client.getDatabase("consent")),
                new AggregateBudgetProperties(2), clock, meters);
        restarted.spend(OLU);
        assertThatThrownBy(() -> restarted.spend(OLU)).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void refusesABudgetOfNothing() {
        assertThatThrownBy(() -> new AggregateBudgetProperties(0))
                .hasMessageContaining("goldenthread.consent.aggregate.daily-budget must be at least 1");
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {

        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
