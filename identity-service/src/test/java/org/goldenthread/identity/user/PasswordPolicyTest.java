package org.goldenthread.identity.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsOnTheBlocklistInAnyCase() {
        assertThatThrownBy(() -> policy.check("password1234")).isInstanceOf(PasswordPolicyException.class);
        assertThatThrownBy(() -> policy.check("PassWord1234")).isInstanceOf(PasswordPolicyException.class);
        assertThatThrownBy(() -> policy.check("correcthorsebatterystaple")).isInstanceOf(PasswordPolicyException.class);
    }

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThatThrownBy(() -> policy.check("elevenchars")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> policy.check(null)).isInstanceOf(PasswordPolicyException.class);
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThatThrownBy(() -> policy.check("x".repeat(129))).hasMessageContaining("at most 128");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String twelveEmoji = "\uD83D\uDC3B".repeat(12);
        assertThatCode(() -> policy.check(twelveEmoji)).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("\uD83D\uDC3B".repeat(6))).hasMessageContaining("at least 12");
    }

    @Test
    void asksForNoParticularMixOfCharacters() {
        assertThatCode(() -> policy.check("all lower case words")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("q".repeat(128))).doesNotThrowAnyException();
    }
}
