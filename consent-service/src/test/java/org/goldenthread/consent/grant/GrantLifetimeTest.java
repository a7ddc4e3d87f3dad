package org.goldenthread.consent.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.goldenthread.consent.ConsentServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrantLifetimeTest {

    @Test
    void acceptsLifetimesUpToTwoMinutes() {
        assertThat(new GrantProperties(Duration.ofSeconds(120)).grantTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(new GrantProperties(Duration.ofSeconds(30)).grantTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesLongerOrEmptyLifetimes() {
        assertThatThrownBy(() -> new GrantProperties(Duration.ofSeconds(121))).hasMessageContaining("grant-ttl");
        assertThatThrownBy(() -> new GrantProperties(Duration.ZERO)).hasMessageContaining("grant-ttl");
    }

    @Test
    void serviceRefusesToStartWithTooLongAGrantLifetime(@TempDir Path data) {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> ConsentServiceApplication.application().run(
                "--server.port=0", "--goldenthread.store.data-dir=" + data,
                "--goldenthread.linkage.key-id=k1", "--goldenthread.linkage.key=" + key,
                "--goldenthread.consent.grant-ttl=5m",
                "--logging.structured.format.console=", "--logging.level.root=OFF"))
                .hasStackTraceContaining("goldenthread.consent.grant-ttl must be more than 0 and at most 120s");
    }
}
