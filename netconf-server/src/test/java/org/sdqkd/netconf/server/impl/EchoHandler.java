package org.sdqkd.netconf.server.impl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.TransportSession;

/** A session handler for tests: sends back every byte it receives and records the sessions it saw start and end. */
final class EchoHandler implements SessionHandler {

    private final BlockingQueue<SessionInfo> served = new LinkedBlockingQueue<>();
    private final BlockingQueue<SessionInfo> closed = new LinkedBlockingQueue<>();

    @Override
    public void serve(TransportSession session) throws IOException {
        served.add(session.info());
        byte[] buffer = new byte[8192];
        int n;
        while ((n = session.input().read(buffer)) >= 0) {
            session.output().write(buffer, 0, n);
            session.output().flush();
        }
    }

    @Override
    public void sessionClosed(SessionInfo session) {
        closed.add(session);
    }

    /** Waits for the next session to start being served. */
    SessionInfo nextServed() throws InterruptedException {
        SessionInfo info = served.poll(TestSshClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(info, "no session served");
        return info;
    }

    /** Waits for the next session to be reported closed. */
    SessionInfo nextClosed() throws InterruptedException {
        SessionInfo info = closed.poll(TestSshClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(info, "no session reported closed");
        return info;
    }

    /** Returns how many sessions started and were not taken with {@link #nextServed()}. */
    int servedPending() {
        return served.size();
    }
}
