package org.goldenthread.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the authorization-code flow: username, password and, for users who enrolled
 * a second factor, the six-digit code (or a recovery code). Plain HTML without scripts, so the page
 * needs no template engine and works under a strict content security policy.
 */
@Controller
class LoginPageController {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        String message = "";
        if (request.getParameter("error") != null) {
            // One message for every failure: nothing here tells which part was wrong.
            message = "<p role=\"alert\">Sign-in failed. Check your username, password and code.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p role=\"status\">You are signed out.</p>";
        } else if (request.getParameter("signed-in") != null) {
            message = "<p role=\"status\">You are signed in.</p>";
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrfField = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Golden Thread sign-in</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>Golden Thread</h1>%s
                <form method="post" action="login">%s
                <p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" maxlength="64" required autofocus></p>
                <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" maxlength="256" required></p>
                <p><label for="totp">One-time code (if you set one up)</label> <input id="totp" name="totp" autocomplete="one-time-code" inputmode="numeric" maxlength="32"></p>
                <p><button type="submit">Sign in</button></p>
                </form></main></body></html>
                """.formatted(message, csrfField);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }
}
