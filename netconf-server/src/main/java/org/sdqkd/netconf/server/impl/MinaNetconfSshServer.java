package org.sdqkd.netconf.server.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.sdqkd.netconf.server.NetconfSshServer;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.ssh.qkd.SshQkd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NetconfSshServer} on Apache MINA SSHD. MINA's defaults choose the algorithms; with Bouncy Castle on the
 * class path they include the post-quantum hybrid key exchanges {@code mlkem768x25519-sha256} and
 * {@code sntrup761x25519-sha512}. Only the {@code netconf} subsystem is served: no shell, no exec, no other subsystem,
 * no forwarding of ports, agents or X11. Users authenticate by public key or password, nothing else.
 */
public final class MinaNetconfSshServer implements NetconfSshServer {

    private static final Logger LOG = LoggerFactory.getLogger(MinaNetconfSshServer.class);

    private final SshServerConfig config;
    private final SshServer sshd;
    private boolean started;

    /**
     * Builds the server, not yet started.
     *
     * @param config the configuration
     * @param handler what serves the NETCONF sessions
     * @throws IllegalArgumentException if a configured public key cannot be read
     */
    public MinaNetconfSshServer(SshServerConfig config, SessionHandler handler) {
        this.config = requireNonNull(config, "config");
        requireNonNull(handler, "handler");
        PasswordAuthentication passwords = new PasswordAuthentication(config.users());
        AuthorizedKeysAuthentication publicKeys = AuthorizedKeysAuthentication.of(config.users());

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(config.bindAddress());
        sshd.setPort(config.port());

        List<UserAuthFactory> methods = new ArrayList<>();
        methods.add(UserAuthPublicKeyFactory.INSTANCE);
        sshd.setPublickeyAuthenticator(publicKeys);
        if (passwords.hasPasswords()) {
            methods.add(UserAuthPasswordFactory.INSTANCE);
            sshd.setPasswordAuthenticator(passwords);
        }
        sshd.setUserAuthFactories(methods);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);

        sshd.setShellFactory(null);
        sshd.setCommandFactory(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setSubsystemFactories(List.of(new NetconfSubsystemFactory(handler, config.maxSessions())));
        sshd.addSessionListener(new ConnectionLimit(config.maxSessions()));

        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, config.idleTimeout());
        // a reply is written whole and waits for nothing: Nagle's algorithm with the client's delayed ACKs would add
        // tens of milliseconds to every reply larger than one segment
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, config.authTimeout());
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, config.maxAuthTries());
        // the hybrid QKD methods by the policy, and the re-key limits after which each takes a new QKD key
        SshQkd.installServer(sshd, config.qkd().settings(), config.qkd().keySource());
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("the server was started before");
        }
        started = true;
        KeyPair hostKey = HostKeyFile.load(config.hostKeyFile());
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.start();
        LOG.info("NETCONF SSH server listening on {}:{}, host key {} {}, hybrid QKD key exchange {}",
            config.bindAddress(), sshd.getPort(), KeyUtils.getKeyType(hostKey.getPublic()),
            KeyUtils.getFingerPrint(hostKey.getPublic()), config.qkd().settings().policy().yangName());
    }

    @Override
    public synchronized int port() {
        if (!sshd.isStarted()) {
            throw new IllegalStateException("the server is not running");
        }
        return sshd.getPort();
    }

    @Override
    public List<String> keyExchangeMethods() {
        return List.copyOf(NamedResource.getNameList(sshd.getKeyExchangeFactories()));
    }

    @Override
    public synchronized void stop() throws IOException {
        if (sshd.isStarted()) {
            sshd.stop(true);
            LOG.info("NETCONF SSH server on {} stopped", config.bindAddress());
        }
    }
}
