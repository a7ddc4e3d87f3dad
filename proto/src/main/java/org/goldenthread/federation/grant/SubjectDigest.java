package org.goldenthread.federation.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import org.goldenthread.proto.common.v1.LinkageToken;

/**
 * The digest that binds a grant to one subject: SHA-256 over the sorted, de-duplicated
 * "kind:keyId:value" lines of the subject's linkage tokens, base64url. A node recomputes it from
 * the tokens in the request, so a grant for one person cannot be replayed for another. Also safe
 * to log where a subject must be referred to (it reveals no identifier).
 */
public final class SubjectDigest {

    private SubjectDigest() {
    }

    public static String of(Collection<LinkageToken> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a subject needs at least one linkage token");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            tokens.stream()
                    .map(t -> t.getKind().getNumber() + ":" + t.getKeyId() + ":" + t.getValue())
                    .distinct()
                    .sorted()
                    .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
