package org.goldenthread.platform.web;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes 401 and 403 answers from the security filter chain as problem+json, so an unauthenticated
 * or unauthorised caller gets the same kind of body as any other client error.
 */
public final class ProblemJsonWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "a valid bearer token is required"));
    }

    @Override
    public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "your roles or agency do not allow this"));
    }

    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(toJson(problem));
    }

    /** The problem as JSON text, without Jackson so the writer works in any web stack. */
    public static String toJson(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSONObjectUtils.toJSONString(body);
    }
}
