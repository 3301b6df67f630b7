package org.sdqkd.netconf.server.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

/** A MINA SSH client for tests, on loopback, trusting any host key (the tests check it themselves). */
final class TestSshClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String HOST = "127.0.0.1";

    private final SshClient client = SshClient.setUpDefaultClient();

    /** A client with MINA's default algorithms. */
    TestSshClient() {
        this(List.of());
    }

    /** A client that offers only the given key exchange method. */
    TestSshClient(String keyExchange) {
        this(List.of(BuiltinDHFactories.fromFactoryName(keyExchange)));
    }

    private TestSshClient(List<BuiltinDHFactories> keyExchanges) {
        if (!keyExchanges.isEmpty()) {
            client.setKeyExchangeFactories(
                NamedFactory.setUpTransformedFactories(false, keyExchanges, ClientBuilder.DH2KEX));
        }
        client.setServerKeyVerifier((session, address, key) -> true);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        CoreModuleProperties.REQUEST_EXEC_REPLY.set(client, true);
        CoreModuleProperties.REQUEST_SHELL_REPLY.set(client, true);
        client.start();
    }

    /** Opens a connection without authenticating. */
    ClientSession connect(String user, int port) throws IOException {
        return client.connect(user, HOST, port).verify(TIMEOUT).getSession();
    }

    /** Opens a connection and authenticates with a password. */
    ClientSession login(String user, int port, String password) throws IOException {
        ClientSession session = connect(user, port);
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException e) {
            session.close(true);
            throw e;
        }
    }

    /** Opens a connection and authenticates with a key pair. */
    ClientSession login(String user, int port, KeyPair key) throws IOException {
        ClientSession session = connect(user, port);
        try {
            session.addPublicKeyIdentity(key);
            session.auth().verify(TIMEOUT);
            return session;
        } catch (IOException e) {
            session.close(true);
            throw e;
        }
    }

    /** Opens a {@code netconf} subsystem channel. */
    static ChannelSubsystem openNetconf(ClientSession session) throws IOException {
        ChannelSubsystem channel = session.createSubsystemChannel("netconf");
        channel.open().verify(TIMEOUT);
        return channel;
    }

    /** Sends bytes on a channel and checks that the same bytes come back. */
    static void assertEchoes(ChannelSubsystem channel, byte[] data) throws IOException {
        OutputStream out = channel.getInvertedIn();
        out.write(data);
        out.flush();
        InputStream in = channel.getInvertedOut();
        assertArrayEquals(data, in.readNBytes(data.length));
    }

    /** Generates an ECDSA P-256 key pair for a client. */
    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Override
    public void close() {
        client.stop();
    }
}
