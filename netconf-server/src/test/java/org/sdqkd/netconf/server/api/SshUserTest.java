package org.sdqkd.netconf.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshUserTest {

    @Test
    void refusesUserWithoutCredentials() {
        assertThrows(IllegalArgumentException.class, () -> new SshUser("admin", Optional.empty(), List.of()));
    }

    @Test
    void refusesBlankOrControlCharacterNames() {
        assertThrows(IllegalArgumentException.class, () -> SshUser.withKeys(" ", List.of("ssh-ed25519 AAAA")));
        assertThrows(IllegalArgumentException.class, () -> SshUser.withKeys("a\nb", List.of("ssh-ed25519 AAAA")));
    }

    @Test
    void copiesTheKeyList() {
        List<String> keys = new ArrayList<>(List.of("ssh-ed25519 AAAA"));
        SshUser user = SshUser.withKeys("admin", keys);
        keys.add("ssh-rsa AAAA");
        assertEquals(List.of("ssh-ed25519 AAAA"), user.authorizedKeys());
    }
}
