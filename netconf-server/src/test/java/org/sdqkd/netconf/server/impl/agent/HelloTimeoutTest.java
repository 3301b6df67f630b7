package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.Replies;
import org.sdqkd.netconf.server.testing.TestAgent;

/** A client that opens the netconf channel and never sends its hello is closed after the hello timeout. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HelloTimeoutTest {
    @Test
    void aSilentClientIsClosedAndOthersAreServed() throws Exception {
        try (TestAgent agent = TestAgent.start(s -> s.withHelloTimeout(Duration.ofMillis(500)));
             RawNetconf silent = RawNetconf.open(agent.port(), TestAgent.USER)) {
            silent.receive();
            assertTrue(silent.closedByServer(), "the session without a hello is closed");
            try (RawNetconf prompt = RawNetconf.connect(agent.port(), TestAgent.USER, true)) {
                Thread.sleep(1000);
                assertTrue(Replies.isOk(prompt.rpc("<lock><target><candidate/></target></lock>")),
                    "a session that sent its hello in time outlives the timeout");
                assertTrue(Replies.isOk(prompt.rpc("<unlock><target><candidate/></target></unlock>")));
            }
        }
    }
}
