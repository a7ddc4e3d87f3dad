package org.goldenthread.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the login form sends besides username and password: the optional one-time code.
 * {@code toString} leaves the code out, as details may be logged by the framework.
 */
record LoginFormDetails(String totp) {

    static final String TOTP_PARAMETER = "totp";

    static AuthenticationDetailsSource<HttpServletRequest, LoginFormDetails> source() {
        return request -> new LoginFormDetails(request.getParameter(TOTP_PARAMETER));
    }

    @Override
    public String toString() {
        return "LoginFormDetails[totp=" + (totp == null || totp.isBlank() ? "absent" : "given") + "]";
    }
}
