package org.goldenthread.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void areVersion7UuidsCarryingTheirMillisecond() {
        Instant at = Instant.parse("2026-11-24T16:00:00.123Z");

        UUID id = UUID.fromString(DecisionIds.next(at));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void sortInTimeOrderAndNeverRepeatWithinAMillisecond() {
        Instant at = Instant.parse("2026-11-24T16:00:00.123Z");
        Set<String> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(DecisionIds.next(at));
        }

        assertThat(sameMillisecond).hasSize(10_000);
        assertThat(DecisionIds.next(at.plusMillis(1))).isGreaterThan(DecisionIds.next(at));
        assertThat(DecisionIds.next(at.plusSeconds(3600))).isGreaterThan(DecisionIds.next(at.plusMillis(1)));
    }
}
