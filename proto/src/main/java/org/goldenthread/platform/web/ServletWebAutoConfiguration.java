package org.goldenthread.platform.web;

import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * What every servlet service shares at its REST edge: the problem+json mapping, validation of
 * Golden Thread access tokens, and reading their {@code roles} claim as {@code ROLE_*} authorities.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemAdvice.class)
public class ServletWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemJsonWriter problemJsonWriter() {
        return new ProblemJsonWriter();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(JwtAuthenticationConverter.class)
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesClaim());
        return converter;
    }

    /**
     * Access tokens of identity-service ({@code goldenthread.identity.url}, {@code .issuer}),
     * validated as {@link AccessTokenValidation} says.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(JwtDecoder.class)
    @ConditionalOnProperty("goldenthread.identity.url")
    JwtDecoder jwtDecoder(Environment environment) {
        String url = environment.getRequiredProperty("goldenthread.identity.url");
        return AccessTokenValidation.servletDecoder(url, environment.getProperty("goldenthread.identity.issuer", url));
    }

    /** {@code roles: ["KEY_WORKER"]} → {@code ROLE_KEY_WORKER}. */
    static final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {
        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of() : roles.stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
        }
    }
}
