package org.goldenthread.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import org.goldenthread.identity.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    static final String PASSWORD = "what survives the night";

    @Test
    void keepsUsersAndSigningKeysAcrossARestart(@TempDir Path data) throws Exception {
        String token;
        try (RunningIdentity first = RunningIdentity.boot(data)) {
            first.user("survivor", "housing", Role.AGENCY_ADMIN, PASSWORD);
            token = first.token("survivor", PASSWORD);
        }
        assertThat(data.resolve("identity").resolve("store.mv")).exists();
        try (RunningIdentity second = RunningIdentity.boot(data)) {
            SignedJWT jwt = SignedJWT.parse(token);
            JWKSet keys = JWKSet.parse(second.http().get().uri("/.well-known/jwks.json").retrieve().body(String.class));
            ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).isNotNull();
            assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();

            var me = second.http().get().uri("/api/identity/me").header("Authorization", "Bearer " + token)
                    .retrieve().toEntity(String.class);
            assertThat(me.getStatusCode().value()).isEqualTo(200);
            assertThat(second.login("survivor", PASSWORD).getStatusCode().value()).isEqualTo(200);
        }
    }
}
