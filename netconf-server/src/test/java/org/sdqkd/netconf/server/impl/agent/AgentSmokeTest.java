package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.netconf.server.testing.RawNetconf;
import org.sdqkd.netconf.server.testing.TestAgent;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AgentSmokeTest {
    @Test
    void editAndRead() throws Exception {
        try (TestAgent agent = TestAgent.start();
             RawNetconf nc = RawNetconf.connect(agent.port(), TestAgent.USER, true)) {
            System.out.println(nc.serverHello());
            String r = nc.rpc("<edit-config><target><candidate/></target><config>"
                + "<ssh-qkd xmlns='urn:sdqkd:yang:sdqkd-ssh-qkd'><policy>off</policy>"
                + "<peer><sae-id>a</sae-id></peer></ssh-qkd></config></edit-config>");
            System.out.println(r);
            System.out.println(nc.rpc("<commit/>"));
            System.out.println(nc.rpc("<get-config><source><running/></source></get-config>"));
            System.out.println(nc.rpc("<get-config><source><running/></source><filter type='subtree'>"
                + "<ssh-qkd xmlns='urn:sdqkd:yang:sdqkd-ssh-qkd'><peer/></ssh-qkd></filter></get-config>"));
            System.out.println(nc.rpc("<get-config xmlns:s='urn:sdqkd:yang:sdqkd-ssh-qkd'><source><running/>"
                + "</source><filter type='xpath' select='/s:ssh-qkd/s:peer[s:sae-id=\"a\"]'/></get-config>"));
            System.out.println(nc.rpc("<get-config><source><running/></source><with-defaults "
                + "xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-with-defaults'>report-all-tagged</with-defaults>"
                + "</get-config>"));
            System.out.println(nc.rpc("<edit-config><target><running/></target><config>"
                + "<ssh-qkd xmlns='urn:sdqkd:yang:sdqkd-ssh-qkd' xmlns:nc='urn:ietf:params:xml:ns:netconf:base:1.0'>"
                + "<peer nc:operation='create'><sae-id>a</sae-id></peer></ssh-qkd></config></edit-config>"));
            System.out.println(nc.rpc("<edit-config><target><running/></target><config>"
                + "<ssh-qkd xmlns='urn:sdqkd:yang:sdqkd-ssh-qkd' xmlns:nc='urn:ietf:params:xml:ns:netconf:base:1.0'>"
                + "<peer nc:operation='delete'><sae-id>zz</sae-id></peer></ssh-qkd></config></edit-config>"));
            System.out.println(nc.rpc("<get><filter type='subtree'><netconf-state "
                + "xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'><sessions/></netconf-state>"
                + "</filter></get>"));
            String schema = nc.rpc("<get-schema xmlns='urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring'>"
                + "<identifier>sdqkd-ssh-qkd</identifier></get-schema>");
            System.out.println(schema.substring(0, 300));
            assertTrue(r.contains("<ok/>"));
        }
    }
}
