package org.goldenthread.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.identity.signin.SignInProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SignInSourceTest {

    static final SignInSource BEHIND_GATEWAY =
            new SignInSource(new SignInProperties(null, null, null, null, null, null, List.of("10.0.0.0/24", "::1")));

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void ignoresTheHeaderFromAPeerThatIsNotATrustedProxy() {
        assertThat(BEHIND_GATEWAY.of(from("198.51.100.9", "10.9.9.9"))).isEqualTo("198.51.100.9");
        SignInSource trustsNoOne = new SignInSource(new SignInProperties(null, null, null, null, null, null, List.of()));
        assertThat(trustsNoOne.of(from("10.0.0.5", "203.0.113.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void trustsOnlyLoopbackByDefault() {
        SignInSource defaults = new SignInSource(new SignInProperties(null, null, null, null, null, null, null));
        assertThat(defaults.of(from("127.0.0.1", "203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(defaults.of(from("0:0:0:0:0:0:0:1", "203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(defaults.of(from("10.0.0.5", "203.0.113.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void takesTheRightMostHopThatIsNotATrustedProxy() {
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", "1.1.1.1, 203.0.113.1, 10.0.0.7"))).isEqualTo("203.0.113.1");
        assertThat(BEHIND_GATEWAY.of(from("::1", "2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void fallsBackToThePeerForAMissingEmptyOrMalformedHeader() {
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", null))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", " "))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", "evil.example.com"))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", "203.0.113.1, ,"))).isEqualTo("10.0.0.5");
        // Every hop a trusted proxy: the nearest one stands for the source.
        assertThat(BEHIND_GATEWAY.of(from("10.0.0.5", "10.0.0.6"))).isEqualTo("10.0.0.5");
    }
}
