package org.goldenthread.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class PasswordHashingTest {

    static final PasswordHashing HASHING = new PasswordHashing(2);
    static final String PASSWORD = "a long river bends twice";

    @Test
    void hashesWithArgon2idAtTheOwaspParametersAndSaysSoInTheHash() {
        String hash = HASHING.hash(PASSWORD);
        assertThat(hash).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HASHING.matches(PASSWORD, hash)).isTrue();
        assertThat(HASHING.matches(PASSWORD + "!", hash)).isFalse();
        assertThat(HASHING.needsUpgrade(hash)).isFalse();
        assertThat(HASHING.hash(PASSWORD)).as("salted").isNotEqualTo(hash);
    }

    @Test
    void stillVerifiesTheEarlierPbkdf2HashesButAsksForThemToBeReplaced() {
        String legacy = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        assertThat(HASHING.matches(PASSWORD, legacy)).isTrue();
        assertThat(HASHING.matches("not the password", legacy)).isFalse();
        assertThat(HASHING.needsUpgrade(legacy)).isTrue();
    }

    @Test
    void asksForArgon2idHashesWithWeakerParametersToBeReplaced() {
        String weaker = "{argon2id}" + new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        assertThat(HASHING.matches(PASSWORD, weaker)).isTrue();
        assertThat(HASHING.needsUpgrade(weaker)).isTrue();
    }

    @Test
    void needsRoomForAtLeastOneHashInFlight() {
        assertThatThrownBy(() -> new PasswordHashing(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent");
    }

    @Test
    void answersEveryCallerWhenMoreHashAtOnceThanMayRunTogether() throws Exception {
        PasswordHashing one = new PasswordHashing(1);
        String hash = one.hash(PASSWORD);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String guess = i % 2 == 0 ? PASSWORD : "wrong " + i;
            checks.add(pool.submit(() -> one.matches(guess, hash)));
        }
        java.util.List<Boolean> answers = new java.util.ArrayList<>();
        for (var check : checks) {
            answers.add(check.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(answers).containsExactly(true, false, true, false);
    }

    @Test
    void refusesRatherThanFailsOnAHashItCannotRead() {
        assertThat(HASHING.matches(PASSWORD, "{md5}5f4dcc3b5aa765d61d8327deb882cf99")).isFalse();
        assertThat(HASHING.matches(PASSWORD, "no prefix at all")).isFalse();
        assertThat(HASHING.matches(PASSWORD, null)).isFalse();
        assertThat(HASHING.burn(PASSWORD)).isFalse();
    }
}
