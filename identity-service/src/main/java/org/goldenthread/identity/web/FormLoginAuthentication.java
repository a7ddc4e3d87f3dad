package org.goldenthread.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.identity.user.PasswordLogin;
import org.goldenthread.identity.user.UserView;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The login page's check: the same {@link PasswordLogin} (lockout, second factor, one answer for
 * every failure) as {@code POST /api/identity/login}. The session then holds only the username
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
        String totp = authentication.getDetails() instanceof LoginFormDetails details ? details.totp() : null;
        Object credentials = authentication.getCredentials();
        UserView user = login.authenticate(authentication.getName(), credentials == null ? "" : credentials.toString(), totp)
                .orElseThrow(() -> new BadCredentialsException("the username or password is not right"));
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
