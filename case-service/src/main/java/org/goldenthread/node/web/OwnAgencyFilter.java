package org.goldenthread.node.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.goldenthread.platform.web.ProblemJsonWriter;
import org.goldenthread.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node's REST API serves its own agency's staff only: another agency's people reach its data
 * through the federation, with a grant, never through this door. Runs right after bearer-token
 * authentication, so no controller can forget the check. Not a bean, so it is not also registered
 * as a servlet filter.
 */
final class OwnAgencyFilter extends OncePerRequestFilter {

    private final String agencyId;

    OwnAgencyFilter(String agencyId) {
        this.agencyId = agencyId;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token
                && !agencyId.equals(token.getToken().getClaimAsString("agency"))) {
            ProblemJsonWriter.write(response, Problems.of(HttpStatus.FORBIDDEN, "wrong-agency",
                    "this node serves the staff of agency " + agencyId + " only"));
            return;
        }
        chain.doFilter(request, response);
    }
}
