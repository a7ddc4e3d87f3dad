package org.goldenthread.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import org.bson.Document;
import org.goldenthread.identity.RunningIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** A hash stored by an earlier release is accepted once and replaced by the current one at that sign-in. */
class PasswordUpgradeTest {

    static final String PASSWORD = "a long river bends twice";

    @TempDir
    static Path data;
    static RunningIdentity identity;
    static MongoCollection<Document> users;

    @BeforeAll
    static void boot() {
        identity = RunningIdentity.boot(data);
        users = identity.bean(MongoDatabase.class).getCollection("users");
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    static String storedHash(String username) {
        return users.find(Filters.eq("_id", username)).first().getString("passwordHash");
    }

    @Test
    void rehashesAPbkdf2HashWithArgon2idOnTheFirstSuccessfulSignIn() {
        identity.user("old.hash", "council", Role.KEY_WORKER, PASSWORD);
        String legacy = "{pbkdf2@SpringSecurity_v5_8}" + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
        users.updateOne(Filters.eq("_id", "old.hash"), Updates.set("passwordHash", legacy));

        assertThat(identity.login("old.hash", "not the password at all").getStatusCode().value()).isEqualTo(401);
        assertThat(storedHash("old.hash")).as("a failure upgrades nothing").isEqualTo(legacy);

        assertThat(identity.login("old.hash", PASSWORD).getStatusCode().value()).isEqualTo(200);
        String upgraded = storedHash("old.hash");
        assertThat(upgraded).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");

        assertThat(identity.login("old.hash", PASSWORD).getStatusCode().value()).isEqualTo(200);
        assertThat(storedHash("old.hash")).as("a current hash is left alone").isEqualTo(upgraded);
    }

    @Test
    void storesNewUsersWithArgon2id() {
        identity.user("new.hash", "council", Role.KEY_WORKER, PASSWORD);
        assertThat(storedHash("new.hash")).startsWith("{argon2id}$argon2id$");
    }
}
