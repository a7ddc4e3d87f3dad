package org.goldenthread.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.goldenthread.identity.signin.SignInProperties;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a sign-in comes from, for throttling and the audit. Normally the connection's peer.
 * When the peer is a trusted proxy ({@code goldenthread.identity.sign-in.trusted-proxies}, e.g. the
 * gateway), the source is the right-most {@code X-Forwarded-For} entry that is not itself a trusted
 * proxy: entries further left were written by the client and could name anyone, so trusting them
 * would let a guesser choose a fresh "source" for every attempt. From an untrusted peer the header
 * is ignored altogether.
 */
@Component
class SignInSource {

    private final List<IpAddressMatcher> trusted;

    SignInSource(SignInProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!looksLikeAnAddress(hop)) {
                // Garbage where an address should be: stop at the proxy we trust rather than guess.
                return peer;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        if (address == null || !looksLikeAnAddress(address)) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** IPv4 or IPv6 literal characters only, so IpAddressMatcher never resolves a host name. */
    private static boolean looksLikeAnAddress(String value) {
        return !value.isEmpty() && value.length() <= 45 && value.chars().allMatch(c ->
                Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }
}
