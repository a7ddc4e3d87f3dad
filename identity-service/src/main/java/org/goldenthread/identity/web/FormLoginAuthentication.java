package org.goldenthread.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.identity.user.PasswordLogin;
import org.goldenthread.identity.user.SignInAttempt;
import org.goldenthread.identity.user.SignInResult;
import org.goldenthread.identity.user.UserView;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The login page's check: the same {@link PasswordLogin} (throttle, second factor, audit,
 * one answer for every failure) as {@code POST /api/identity/login}. The session then holds only the username
 * and roles; tokens re-read the user from the directory when they are issued.
 */
final class FormLoginAuthentication implements AuthenticationProvider {

    private final PasswordLogin login;
    private final Clock clock;

    FormLoginAuthentication(PasswordLogin login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        LoginFormDetails details = authentication.getDetails() instanceof LoginFormDetails d ? d
                : new LoginFormDetails(null, null);
        Object credentials = authentication.getCredentials();
        SignInResult outcome = login.signIn(new SignInAttempt(authentication.getName(),
                credentials == null ? "" : credentials.toString(), details.totp(), "form", details.source()));
        // A wait and a refusal both end on /login?error with the page's one message: a browser has
        // no use for the difference, and the API reports the wait (429) for clients that do.
        if (!(outcome instanceof SignInResult.Accepted accepted)) {
            throw new BadCredentialsException("the username or password is not right");
        }
        UserView user = accepted.user();
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        // The time of the sign-in: the ID token's auth_time comes from it.
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(clock.instant()).build());
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
        result.setDetails(null);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
