package org.sdqkd.benchmarks.netconf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamConstants;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.testsupport.peers.ProbeTestModule;
import org.sdqkd.netconf.protocol.SafeXml;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/**
 * The benchmark's operations on the probe-test list, the same requests for every server: a get-config of running
 * with the subtree filter {@code <probe/>} (the whole list), and an edit-config of one entry's {@code value} on the
 * candidate followed by a commit.
 */
final class Workloads {
    /** How often one edit-config + commit is attempted again after an rpc-error before the benchmark fails. */
    static final int MAX_RETRIES = 100;
    private static final long TIMEOUT_SECONDS = 120;
    private static final SafeXml XML = SafeXml.of(XmlLimits.DEFAULT);
    private static final ThreadLocal<Filter> PROBE_FILTER = ThreadLocal.withInitial(
        () -> Filter.subtree(parse("<probe xmlns=\"" + ProbeTestModule.NAMESPACE + "\"/>")));

    private Workloads() {
        // no instances
    }

    /**
     * Counts the list entries of a reply's data while the reply is parsed (on the session's reader thread, with no
     * DOM of the data): every element, name and namespace of the data goes through the client's hardened parser.
     */
    private static final DataReader<Integer> ENTRY_COUNTER = data -> {
        int count = 0;
        while (data.hasNext()) {
            if (data.next() == XMLStreamConstants.START_ELEMENT && "node".equals(data.getLocalName())
                    && ProbeTestModule.NAMESPACE.equals(data.getNamespaceURI())) {
                count++;
            }
        }
        return count;
    };

    /**
     * A get-config of the whole list, its data read as it arrives by a {@link DataReader} that counts the entries;
     * every reply is checked to hold every entry.
     *
     * @param entries how many entries the list has
     * @return the operation
     */
    static PhaseRunner.Operation getConfig(final int entries) {
        return (session, index, sessions, iteration) -> {
            final int found = new NetconfOperations(session)
                .getConfig(Datastore.RUNNING, PROBE_FILTER.get(), ENTRY_COUNTER).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .orElse(0);
            if (found != entries) {
                throw new IllegalStateException("get-config returned " + found + " entries, not " + entries);
            }
            return 0;
        };
    }

    /**
     * An edit-config (merge) of one entry's {@code value} on the candidate, then a commit. Session {@code s} of
     * {@code n} edits entries {@code s, s + n, s + 2n, ...} in turn, each time to a new value. An attempt refused
     * with an rpc-error (such as {@code in-use} when commits collide) is counted and repeated.
     *
     * @param entries how many entries the list has
     * @return the operation
     */
    static PhaseRunner.Operation editCommit(final int entries) {
        return (session, index, sessions, iteration) -> {
            final int perSession = Math.max(1, entries / sessions);
            final int entry = index + sessions * (int) (iteration % perSession);
            final long value = 1_000_000L + iteration * sessions + index;
            final String config = "<config xmlns=\"" + ProbeTestModule.NETCONF_BASE + "\"><probe xmlns=\""
                + ProbeTestModule.NAMESPACE + "\"><node><name>" + ProbeTestModule.nodeName(entry) + "</name><value>"
                + value % Integer.MAX_VALUE + "</value></node></probe></config>";
            final NetconfOperations ops = new NetconfOperations(session);
            for (int retries = 0;; retries++) {
                try {
                    ops.editConfig(Datastore.CANDIDATE, parse(config)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    ops.commit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return retries;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof NetconfRpcException) || retries >= MAX_RETRIES) {
                        throw e;
                    }
                }
            }
        };
    }

    /**
     * Fills the list with {@code entries} entries ({@link ProbeTestModule#config(int)}, what netconfd's startup
     * file holds) through the candidate and a commit.
     *
     * @param session the session
     * @param entries how many entries
     * @param timeout how long to wait
     * @throws Exception if the server refuses
     */
    static void fill(final NetconfSession session, final int entries, final Duration timeout) throws Exception {
        final NetconfOperations ops = new NetconfOperations(session);
        ops.editConfig(Datastore.CANDIDATE, parse(ProbeTestModule.config(entries)))
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ops.commit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static XmlElement parse(final String xml) {
        try {
            return XmlElement.of(XML.parse(xml.getBytes(UTF_8)));
        } catch (XmlParseException e) {
            throw new IllegalArgumentException("not well-formed: " + xml, e);
        }
    }
}
