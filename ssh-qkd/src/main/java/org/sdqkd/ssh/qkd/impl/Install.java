package org.sdqkd.ssh.qkd.impl;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;

/** Puts the hybrid methods into MINA servers and clients. */
public final class Install {
    private Install() {
    }

    /**
     * Sets the server's key exchange methods by the policy and its re-key limits.
     *
     * @param sshd      a server not yet started, with MINA's default methods
     * @param settings  the settings
     * @param keySource the server's key source; may be null only with policy off
     */
    public static void server(final SshServer sshd, final SshQkdSettings settings, final QkdKeySource keySource) {
        CoreModuleProperties.REKEY_BYTES_LIMIT.set(sshd, settings.rekeyMaxBytes());
        CoreModuleProperties.REKEY_TIME_LIMIT.set(sshd, settings.rekeyMaxTime());
        if (settings.policy() == KexPolicy.OFF) {
            return;
        }
        if (keySource == null) {
            throw new IllegalArgumentException("policy " + settings.policy().yangName() + " needs a key source");
        }
        final List<KeyExchangeFactory> methods = new ArrayList<>();
        for (HybridMethod method : settings.offeredMethods()) {
            if (HybridDh.isSupported(method)) {
                methods.add(HybridServerKex.factory(method, settings.peers(), keySource));
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalStateException("none of the hybrid methods " + settings.offeredMethods()
                + " can run here (ML-KEM-768 needs Bouncy Castle)");
        }
        if (settings.policy() == KexPolicy.PREFERRED) {
            methods.addAll(sshd.getKeyExchangeFactories());
        }
        sshd.setKeyExchangeFactories(methods);
    }

    /**
     * Teaches the client every hybrid method, first, before its standard ones; each connection's offer then follows
     * its own settings (see {@link ClientProposals}).
     *
     * @param client a client not yet started, with MINA's default methods
     */
    public static void client(final SshClient client) {
        final List<KeyExchangeFactory> methods = new ArrayList<>();
        for (HybridMethod method : HybridMethod.values()) {
            if (HybridDh.isSupported(method)) {
                methods.add(HybridClientKex.factory(method));
            }
        }
        methods.addAll(client.getKeyExchangeFactories());
        client.setKeyExchangeFactories(methods);
        client.addSessionListener(new ClientProposals());
    }
}
