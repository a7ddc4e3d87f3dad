package org.goldenthread.federation.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.goldenthread.federation.grant.GrantRejectedException.Reason;
import org.junit.jupiter.api.Test;

class GrantReplaysTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aGrantIsHonouredOncePerOperation() throws GrantRejectedException {
        GrantReplays replays = new GrantReplays(10, clock);
        AccessGrant grant = TestGrants.grant(NOW, Duration.ofSeconds(60));

        replays.admit(grant, "GetSubjectRecord");
        assertThat(replays.honoured(grant.id(), "GetSubjectRecord")).isTrue();
        assertThatThrownBy(() -> replays.admit(grant, "GetSubjectRecord"))
                .isInstanceOfSatisfying(GrantRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
        replays.admit(grant, "MatchSubject");
        assertThat(replays.honoured(grant.id(), "SubmitReferral")).isFalse();
    }

    @Test
    void remembersAGrantUntilItCouldNoLongerVerify() throws GrantRejectedException {
        GrantReplays replays = new GrantReplays(10, clock);
        AccessGrant grant = TestGrants.grant(NOW, Duration.ofSeconds(60));
        replays.admit(grant, "GetSubjectRecord");

        now.set(NOW.plusSeconds(65));
        assertThatThrownBy(() -> replays.admit(grant, "GetSubjectRecord")).as("still within expiry + skew")
                .isInstanceOf(GrantRejectedException.class);
        now.set(NOW.plusSeconds(67));
        assertThat(replays.honoured(grant.id(), "GetSubjectRecord")).isFalse();
    }

    @Test
    void refusesRatherThanForgetsWhenFull() throws GrantRejectedException {
        GrantReplays replays = new GrantReplays(2, clock);
        replays.admit(TestGrants.grant(NOW, Duration.ofSeconds(60)), "a");
        replays.admit(TestGrants.grant(NOW, Duration.ofSeconds(60)), "b");

        assertThatThrownBy(() -> replays.admit(TestGrants.grant(NOW, Duration.ofSeconds(60)), "c"))
                .isInstanceOfSatisfying(GrantRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REPLAY_CACHE_FULL));
        assertThatThrownBy(() -> replays.admit(TestGrants.grant(NOW, Duration.ofSeconds(60)), "a"))
                .as("the first is still remembered").isInstanceOf(GrantRejectedException.class);

        now.set(NOW.plusSeconds(70));
        replays.admit(TestGrants.grant(NOW.plusSeconds(70), Duration.ofSeconds(60)), "c");
        assertThat(replays.size()).isEqualTo(1);
    }
}
