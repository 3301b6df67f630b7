package org.sdqkd.netconf.client.impl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/** Helpers shared by the client tests. */
final class TestSupport {
    static final String HOST = "127.0.0.1";
    static final Duration WAIT = Duration.ofSeconds(30);

    private TestSupport() {
    }

    /** Options for the scripted server: password, any host key, short timeouts. */
    static ConnectOptions.Builder options(final int port) {
        return ConnectOptions.builder(HOST, port, ScriptedServer.USER)
            .password(ScriptedServer.PASSWORD.toCharArray())
            .hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(Duration.ofSeconds(20))
            .helloTimeout(Duration.ofSeconds(20))
            .rpcTimeout(Duration.ofSeconds(20));
    }

    /** Waits for a future's value. */
    static <T> T await(final CompletableFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a future to fail and returns the cause. */
    static Throwable failure(final CompletableFuture<?> future) throws InterruptedException, TimeoutException {
        try {
            future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the future did not fail");
    }

    /** Parses XML text into an element. */
    static XmlElement xml(final String text) {
        try {
            return XmlElement.of(SafeXml.of(XmlLimits.DEFAULT).parse(text.getBytes(StandardCharsets.UTF_8)));
        } catch (XmlParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
