package org.goldenthread.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

/**
 * The one way the gateway's own filters read a request path for a decision (which limit applies, which answer
 * to give): percent-decoded, lower case, repeated slashes collapsed, matrix parameters and a trailing slash
 * dropped — so {@code /%61pi//Federation/view;x} is {@code /api/federation/view}, as the router would route it.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The canonical path; empty when it cannot be decoded (callers fail towards the stricter rule). */
    public static Optional<String> canonical(ServerHttpRequest request) {
        String path;
        try {
            path = UriUtils.decode(request.getPath().value(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        path = path.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/").replaceAll(";[^/]*", "");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.of(path);
    }
}
