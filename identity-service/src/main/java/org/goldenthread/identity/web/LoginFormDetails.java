package org.goldenthread.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the login form sends besides username and password: the optional one-time code, and the
 * source address the throttle counts. {@code toString} leaves both out, as details may be logged
 * by the framework.
 */
record LoginFormDetails(String totp, String source) {

    static final String TOTP_PARAMETER = "totp";

    static AuthenticationDetailsSource<HttpServletRequest, LoginFormDetails> source(SignInSource sources) {
        return request -> new LoginFormDetails(request.getParameter(TOTP_PARAMETER), sources.of(request));
    }

    @Override
    public String toString() {
        return "LoginFormDetails[totp=" + (totp == null || totp.isBlank() ? "absent" : "given") + "]";
    }
}
