package org.sdqkd.netconf.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.client.impl.TestSupport.xml;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sdqkd.netconf.client.api.CommitOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.EditOptions;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NmdaDatastore;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.XmlElement;

/** The operation elements the typed helpers send, compared as XML (names, attributes, text). */
class RequestsTest {
    private static final String NC = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final XmlElement TOP = xml("<top xmlns='urn:t'><name>a</name></top>");

    @Test
    void getConfigWithSubtreeAndXPathFilters() {
        assertEquals(xml("<get-config xmlns='" + NC + "'><source><running/></source>"
            + "<filter type='subtree'><top xmlns='urn:t'><name>a</name></top></filter></get-config>"),
            Requests.getConfig(Datastore.RUNNING, Optional.of(Filter.subtree(TOP))));
        final XmlElement xpath = Requests.get(Optional.of(Filter.xpath("/t:top/t:name[.='x\"y']",
            Map.of("t", "urn:t"))));
        assertEquals(xml("<get xmlns='" + NC + "'><filter type='xpath' select=\"/t:top/t:name[.='x&quot;y']\"/>"
            + "</get>"), xpath);
        assertTrue(xpath.toString().contains("xmlns:t=\"urn:t\""), xpath.toString());
    }

    @Test
    void editConfigWrapsItsContentAndSendsTheOptionsInOrder() {
        final EditOptions options = EditOptions.DEFAULT.withDefaultOperation(EditOptions.DefaultOperation.NONE)
            .withTestOption(EditOptions.TestOption.TEST_ONLY)
            .withErrorOption(EditOptions.ErrorOption.ROLLBACK_ON_ERROR);
        final XmlElement expected = xml("<edit-config xmlns='" + NC + "'><target><candidate/></target>"
            + "<default-operation>none</default-operation><test-option>test-only</test-option>"
            + "<error-option>rollback-on-error</error-option>"
            + "<config><top xmlns='urn:t'><name>a</name></top></config></edit-config>");
        assertEquals(expected, Requests.editConfig(Datastore.CANDIDATE, TOP, options));
        // a <config> element is sent as it is
        assertEquals(expected, Requests.editConfig(Datastore.CANDIDATE,
            xml("<config xmlns='" + NC + "'><top xmlns='urn:t'><name>a</name></top></config>"), options));
    }

    @Test
    void valuesNeverBecomeMarkup() {
        final XmlElement request = Requests.commit(CommitOptions.confirmedCommit(Duration.ofSeconds(30))
            .withPersist("</persist><evil/>"));
        assertEquals(xml("<commit xmlns='" + NC + "'><confirmed/><confirm-timeout>30</confirm-timeout>"
            + "<persist>&lt;/persist&gt;&lt;evil/&gt;</persist></commit>"), request);
    }

    @Test
    void theOtherBaseOperations() {
        assertEquals(xml("<copy-config xmlns='" + NC + "'><target><startup/></target><source><running/></source>"
            + "</copy-config>"), Requests.copyConfig(Datastore.STARTUP, Optional.of(Datastore.RUNNING),
                Optional.empty()));
        assertEquals(xml("<copy-config xmlns='" + NC + "'><target><candidate/></target><source><config>"
            + "<top xmlns='urn:t'><name>a</name></top></config></source></copy-config>"),
            Requests.copyConfig(Datastore.CANDIDATE, Optional.empty(), Optional.of(TOP)));
        assertEquals(xml("<lock xmlns='" + NC + "'><target><candidate/></target></lock>"),
            Requests.targetOnly("lock", Datastore.CANDIDATE));
        assertEquals(xml("<validate xmlns='" + NC + "'><source><candidate/></source></validate>"),
            Requests.validate(Datastore.CANDIDATE));
        assertEquals(xml("<commit xmlns='" + NC + "'><persist-id>p1</persist-id></commit>"),
            Requests.commit(CommitOptions.confirming("p1")));
        assertEquals(xml("<cancel-commit xmlns='" + NC + "'><persist-id>p1</persist-id></cancel-commit>"),
            Requests.cancelCommit(Optional.of("p1")));
        assertEquals(xml("<kill-session xmlns='" + NC + "'><session-id>4294967295</session-id></kill-session>"),
            Requests.killSession(4_294_967_295L));
        assertEquals(xml("<discard-changes xmlns='" + NC + "'/>"), Requests.simple("discard-changes"));
    }

    @Test
    void getSchemaAndSubscription() {
        final XmlElement schema = Requests.getSchema("ietf-interfaces", Optional.of("2018-02-20"),
            Optional.of("yang"));
        assertEquals(xml("<get-schema xmlns='" + Requests.MONITORING + "'><identifier>ietf-interfaces</identifier>"
            + "<version>2018-02-20</version><format>ncm:yang</format></get-schema>"), schema);
        assertTrue(schema.toString().contains("xmlns:ncm=\"" + Requests.MONITORING + "\""), schema.toString());
        final OffsetDateTime start = OffsetDateTime.parse("2026-01-01T10:00:00+01:00");
        assertEquals(xml("<create-subscription xmlns='urn:ietf:params:xml:ns:netconf:notification:1.0'>"
            + "<stream>NETCONF</stream><filter type='subtree'><top xmlns='urn:t'><name>a</name></top></filter>"
            + "<startTime>2026-01-01T10:00:00+01:00</startTime></create-subscription>"),
            Requests.createSubscription(SubscriptionOptions.DEFAULT.withStream("NETCONF")
                .withFilter(Filter.subtree(TOP)).withReplay(start, Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> new SubscriptionOptions(Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.of(start)));
    }

    @Test
    void nmdaOperations() {
        final XmlElement getData = Requests.getData(NmdaDatastore.OPERATIONAL, Optional.of(Filter.subtree(TOP)));
        assertEquals(xml("<get-data xmlns='" + Requests.NMDA + "'><datastore>ds:operational</datastore>"
            + "<subtree-filter><top xmlns='urn:t'><name>a</name></top></subtree-filter></get-data>"), getData);
        assertTrue(getData.toString().contains("xmlns:ds=\"urn:ietf:params:xml:ns:yang:ietf-datastores\""));
        assertEquals(xml("<get-data xmlns='" + Requests.NMDA + "'><datastore>ds:running</datastore>"
            + "<xpath-filter>/t:top</xpath-filter></get-data>"),
            Requests.getData(NmdaDatastore.RUNNING, Optional.of(Filter.xpath("/t:top", Map.of("t", "urn:t")))));
        assertEquals(xml("<edit-data xmlns='" + Requests.NMDA + "'><datastore>ds:running</datastore>"
            + "<default-operation>replace</default-operation><config><top xmlns='urn:t'><name>a</name></top>"
            + "</config></edit-data>"), Requests.editData(NmdaDatastore.RUNNING, List.of(TOP),
                Optional.of(EditOptions.DefaultOperation.REPLACE)));
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CommitOptions(false, Optional.of(Duration.ofSeconds(
            5)), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> Filter.xpath(" ", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Filter.Subtree(List.of()));
    }

    @Test
    void backoffDoublesUpToTheMaximumWithJitterTakenOff() {
        final ReconnectOptions backoff = new ReconnectOptions(Duration.ofMillis(100), Duration.ofSeconds(1), 0.5);
        assertEquals(Duration.ofMillis(100), backoff.delay(1, 0));
        assertEquals(Duration.ofMillis(200), backoff.delay(2, 0));
        assertEquals(Duration.ofMillis(800), backoff.delay(4, 0));
        assertEquals(Duration.ofSeconds(1), backoff.delay(5, 0));
        assertEquals(Duration.ofSeconds(1), backoff.delay(1000, 0));
        assertEquals(Duration.ofMillis(500), backoff.delay(1000, 1.0));
        assertEquals(Duration.ofMillis(150), backoff.delay(2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectOptions(Duration.ofSeconds(2),
            Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectOptions(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1.5));
    }
}
