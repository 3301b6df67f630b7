package org.sdqkd.netconf.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdqkd.datastore.api.PasswordHash;

class SshServerConfigTest {

    private static final Path KEY = Path.of("host-key");
    private static final SshUser ADMIN = SshUser.withKeys("admin", List.of("ssh-ed25519 AAAA"));

    @Test
    void defaultsToLoopbackOnNetconfPort() {
        SshServerConfig config = SshServerConfig.of(KEY, List.of(ADMIN));
        assertEquals("127.0.0.1", config.bindAddress());
        assertEquals(830, config.port());
        assertEquals(Duration.ofMinutes(30), config.idleTimeout());
        assertEquals(16, config.maxSessions());
        assertEquals(10, config.maxAuthTries());
        assertEquals(Duration.ofSeconds(30), config.authTimeout());
    }

    @Test
    void changesOneComponentAtATime() {
        SshServerConfig config = SshServerConfig.of(KEY, List.of(ADMIN)).withPort(0).withBindAddress("::1")
            .withIdleTimeout(Duration.ZERO).withMaxSessions(2).withMaxAuthTries(3)
            .withAuthTimeout(Duration.ofSeconds(4));
        assertEquals(new SshServerConfig("::1", 0, KEY, List.of(ADMIN), Duration.ZERO, 2, 3, Duration.ofSeconds(4)),
            config);
    }

    @Test
    void copiesTheUserList() {
        List<SshUser> users = new ArrayList<>(List.of(ADMIN));
        SshServerConfig config = SshServerConfig.of(KEY, users);
        users.clear();
        assertEquals(List.of(ADMIN), config.users());
    }

    @Test
    void refusesOutOfRangeValues() {
        SshServerConfig config = SshServerConfig.of(KEY, List.of(ADMIN));
        assertThrows(IllegalArgumentException.class, () -> config.withPort(65_536));
        assertThrows(IllegalArgumentException.class, () -> config.withPort(-1));
        assertThrows(IllegalArgumentException.class, () -> config.withBindAddress(" "));
        assertThrows(IllegalArgumentException.class, () -> config.withIdleTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> config.withAuthTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> config.withMaxSessions(0));
        assertThrows(IllegalArgumentException.class, () -> config.withMaxAuthTries(0));
    }

    @Test
    void refusesUserConfiguredTwice() {
        assertThrows(IllegalArgumentException.class, () -> SshServerConfig.of(KEY, List.of(ADMIN,
            SshUser.withPassword("admin", PasswordHash.hash("pw".toCharArray(), PasswordHash.MIN_ITERATIONS)))));
    }

    @Test
    void showsNoPasswordHashInToString() {
        PasswordHash hash = PasswordHash.hash("pw".toCharArray(), PasswordHash.MIN_ITERATIONS);
        String text = SshServerConfig.of(KEY, List.of(SshUser.withPassword("admin", hash))).toString();
        assertFalse(text.contains(hash.encoded()), text);
    }
}
