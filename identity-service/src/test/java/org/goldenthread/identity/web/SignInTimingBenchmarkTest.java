package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.identity.RunningIdentity;
import org.goldenthread.identity.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;

/**
 * A benchmark, not a timed assertion: how long a failed sign-in takes for an unknown username and
 * for a known one with a wrong password, over HTTP with the production wiring (Argon2id for both:
 * the unknown user is checked against a decoy hash). Prints median and p90 of each; the figure and
 * how to reproduce it are in the README. Tries: {@code -Dsignin.benchmark.tries} (default 30). The
 * throttle is opened wide so every try reaches the hash.
 */
class SignInTimingBenchmarkTest {

    static final String PASSWORD = "a long river bends twice";
    static final int TRIES = Integer.getInteger("signin.benchmark.tries", 30);

    @TempDir
    static Path data;
    static RunningIdentity identity;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data,
                "--goldenthread.identity.sign-in.account-free-failures=100000",
                "--goldenthread.identity.sign-in.source-free-failures=100000");
        identity.user("known.user", "council", Role.KEY_WORKER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    @Test
    void printsUnknownAgainstKnownUserFailureTimes() {
        for (int i = 0; i < 5; i++) {
            identity.login("known.user", "warm up " + i);
            identity.login("warm.up." + i, "warm up " + i);
        }
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        String firstBody = null;
        for (int i = 0; i < TRIES; i++) {
            // Interleaved, so drift in machine load falls on both alike.
            long start = System.nanoTime();
            ResponseEntity<String> a = identity.login("nobody." + i, "wrong password " + i);
            unknown.add(System.nanoTime() - start);
            start = System.nanoTime();
            ResponseEntity<String> b = identity.login("known.user", "wrong password " + i);
            known.add(System.nanoTime() - start);
            assertThat(a.getStatusCode().value()).isEqualTo(401);
            assertThat(a.getBody()).isEqualTo(b.getBody());
            firstBody = firstBody == null ? a.getBody() : firstBody;
            assertThat(a.getBody()).isEqualTo(firstBody);
        }
        System.out.printf("sign-in failure time over %d tries: unknown user median %.1f ms p90 %.1f ms; "
                + "known user, wrong password median %.1f ms p90 %.1f ms%n",
                TRIES, ms(unknown, 50), ms(unknown, 90), ms(known, 50), ms(known, 90));
    }

    static double ms(List<Long> nanos, int percentile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
