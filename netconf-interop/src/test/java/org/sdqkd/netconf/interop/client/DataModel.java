package org.sdqkd.netconf.interop.client;

import java.util.Map;
import org.sdqkd.testsupport.peers.ProbeTestModule;

/**
 * The configuration list the checks write on a server, as {@code nc_models.py} does for the ncclient script: a
 * container holding a keyed list, a text leaf to change, and an entry that breaks a type. Every key is derived from
 * a short name and is recognisable as test data.
 */
enum DataModel {

    /** netconfd's and the simulator's {@code probe-test}: {@code /probe/node}, key {@code name}. */
    PROBE(ProbeTestModule.NAMESPACE, "pt", "probe", "name", ProbeTestModule.NAME) {
        @Override
        String key(final String shortName) {
            return "nc-client-" + shortName;
        }

        @Override
        String entryBody(final String shortName, final boolean invalid) {
            return "<name>" + key(shortName) + "</name><value>" + (invalid ? "not-a-number" : "7") + "</value>";
        }
    },

    /** sdqkd-network's {@code /network/node}, key {@code node-id} (a UUID), as the agent serves it. */
    SDQKD("urn:sdqkd:yang:sdqkd-network", "n", "network", "node-id", "sdqkd-network") {
        @Override
        String key(final String shortName) {
            // a stable UUID per short name: the hash of the name in the last group
            return String.format("6e0c1a7e-0000-4000-8000-%012x", shortName.hashCode() & 0xFFFF_FFFFL);
        }

        @Override
        String entryBody(final String shortName, final boolean invalid) {
            // name is a string of length 1..64
            String name = invalid ? "x".repeat(80) : "nc-client-" + shortName;
            return "<node-id>" + key(shortName) + "</node-id><name>" + name + "</name>"
                + "<netconf><host>127.0.0.1</host><username>nc-client</username></netconf>"
                + "<kme><kme-id>kme-nc-client-" + shortName + "</kme-id><url>https://127.0.0.1:1/" + shortName
                + "</url></kme>";
        }

        @Override
        String textLeaf() {
            return "location";
        }
    };

    /** The NETCONF base namespace, of {@code <config>} and the {@code operation} attribute. */
    static final String BASE = ProbeTestModule.NETCONF_BASE;

    private final String namespace;
    private final String prefix;
    private final String container;
    private final String keyLeaf;
    private final String module;

    DataModel(final String namespace, final String prefix, final String container, final String keyLeaf,
            final String module) {
        this.namespace = namespace;
        this.prefix = prefix;
        this.container = container;
        this.keyLeaf = keyLeaf;
        this.module = module;
    }

    /**
     * Returns the list entry's key for a short name.
     *
     * @param shortName the check's name for the entry
     * @return the key
     */
    abstract String key(String shortName);

    /**
     * Returns the key and mandatory leaves of an entry.
     *
     * @param shortName the check's name for the entry
     * @param invalid whether a leaf breaks its type
     * @return the children of {@code <node>}
     */
    abstract String entryBody(String shortName, boolean invalid);

    /** @return the model's namespace */
    String namespace() {
        return namespace;
    }

    /** @return the top container's name */
    String container() {
        return container;
    }

    /** @return the list's name */
    String list() {
        return "node";
    }

    /** @return the key leaf's name */
    String keyLeaf() {
        return keyLeaf;
    }

    /** @return the name of the string leaf the checks change */
    String textLeaf() {
        return "description";
    }

    /** @return the YANG module defining the model, for get-schema */
    String module() {
        return module;
    }

    /**
     * Returns a list entry.
     *
     * @param shortName the check's name for the entry
     * @param text the text leaf's value, or null for none
     * @param operation the {@code nc:operation} attribute, or null for none
     * @param invalid whether a leaf breaks its type
     * @return the {@code <node>} element's text
     */
    String entry(final String shortName, final String text, final String operation, final boolean invalid) {
        StringBuilder xml = new StringBuilder("<node").append(operation(operation)).append('>')
            .append(entryBody(shortName, invalid));
        if (text != null) {
            xml.append('<').append(textLeaf()).append('>').append(text).append("</").append(textLeaf()).append('>');
        }
        return xml.append("</node>").toString();
    }

    /**
     * Returns a valid entry with a text leaf.
     *
     * @param shortName the check's name for the entry
     * @param text the text leaf's value
     * @return the {@code <node>} element's text
     */
    String entry(final String shortName, final String text) {
        return entry(shortName, text, null, false);
    }

    /**
     * Returns an entry holding only its key, with an operation.
     *
     * @param shortName the check's name for the entry
     * @param operation the {@code nc:operation} attribute
     * @return the {@code <node>} element's text
     */
    String keyOnly(final String shortName, final String operation) {
        return "<node" + operation(operation) + "><" + keyLeaf + ">" + key(shortName) + "</" + keyLeaf + "></node>";
    }

    /**
     * Wraps entries in the top container.
     *
     * @param entries the entries' text
     * @return the container element's text
     */
    String wrap(final String entries) {
        return "<" + container + " xmlns=\"" + namespace + "\">" + entries + "</" + container + ">";
    }

    /**
     * Wraps entries in the top container and a {@code <config>} element.
     *
     * @param entries the entries' text
     * @return the {@code <config>} element's text
     */
    String config(final String entries) {
        return "<config xmlns=\"" + BASE + "\">" + wrap(entries) + "</config>";
    }

    /**
     * Returns a subtree filter selecting one entry.
     *
     * @param shortName the check's name for the entry
     * @return the filter content's text
     */
    String keyFilter(final String shortName) {
        return wrap("<node><" + keyLeaf + ">" + key(shortName) + "</" + keyLeaf + "></node>");
    }

    /**
     * Returns an XPath expression selecting one entry, with {@link #xpathPrefixes()}.
     *
     * @param shortName the check's name for the entry
     * @return the expression
     */
    String xpath(final String shortName) {
        return "/" + prefix + ":" + container + "/" + prefix + ":node[" + prefix + ":" + keyLeaf + "='"
            + key(shortName) + "']";
    }

    /** @return the prefix of {@link #xpath(String)} and its namespace */
    Map<String, String> xpathPrefixes() {
        return Map.of(prefix, namespace);
    }

    private static String operation(final String operation) {
        return operation == null ? "" : " xmlns:nc=\"" + BASE + "\" nc:operation=\"" + operation + "\"";
    }
}
