package org.goldenthread.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SHA512_KEY =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @Nested
    class AgainstTheRfc6238TestVectors {

        @ParameterizedTest
        @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
        void computesTheEightDigitCodes(long time, String sha1, String sha256, String sha512) {
            long step = Totp.step(Instant.ofEpochSecond(time));
            assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
            assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
            assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
        }

        @Test
        void givesTheLastSixDigitsForTheDefaultLength() {
            assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        }
    }

    @Nested
    class WhenMatching {

        final Instant now = Instant.ofEpochSecond(1_111_111_111L);
        final long current = Totp.step(now);

        @Test
        void acceptsTheCurrentAndNeighbouringSteps() {
            for (long s = current - 1; s <= current + 1; s++) {
                assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, s), now, Long.MIN_VALUE)).isEqualTo(s);
            }
        }

        @Test
        void refusesStepsOutsideTheWindow() {
            assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, current - 2), now, Long.MIN_VALUE)).isEqualTo(-1);
            assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, current + 2), now, Long.MIN_VALUE)).isEqualTo(-1);
        }

        @Test
        void refusesACodeAlreadyUsed() {
            String code = Totp.code(SHA1_KEY, current);
            assertThat(Totp.matchingStep(SHA1_KEY, code, now, current)).isEqualTo(-1);
        }

        @Test
        void refusesMalformedCandidates() {
            assertThat(Totp.matchingStep(SHA1_KEY, null, now, Long.MIN_VALUE)).isEqualTo(-1);
            assertThat(Totp.matchingStep(SHA1_KEY, "12345", now, Long.MIN_VALUE)).isEqualTo(-1);
            assertThat(Totp.matchingStep(SHA1_KEY, "abcdef", now, Long.MIN_VALUE)).isEqualTo(-1);
        }
    }

    @Nested
    class Base32Encoding {

        @Test
        void followsRfc4648() {
            assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
            assertThat(Base32.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
            assertThat(Base32.decode(Base32.encode(SHA1_KEY))).isEqualTo(SHA1_KEY);
        }
    }
}
