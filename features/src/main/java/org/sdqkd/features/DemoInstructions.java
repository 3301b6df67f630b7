package org.sdqkd.features;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.sdqkd.features.DemoNetwork.DemoNode;

/** What the demo prints once the network runs: each node's endpoints and commands to copy and paste. */
final class DemoInstructions {
    private DemoInstructions() {
        // static only
    }

    static void print(final DemoNetwork network, final Map<String, JsonNode> ready, final DemoRestconf restconf,
            final PrintWriter out) {
        final Path pki = network.directory().resolve("pki");
        out.println();
        out.println("sdqkd demo: the network is running. Ctrl-C stops every node.");
        out.println();
        for (DemoNode node : network.nodes()) {
            final JsonNode info = ready.get(node.name());
            out.printf("%s (qkdn_id %s)%n", node.name(), node.id());
            out.printf("  NETCONF  127.0.0.1:%d  user admin, password sdqkd-demo (ETSI GS QKD 015 qkd_node)%n",
                info.path("netconf-port").intValue());
            out.printf("  KME      https://127.0.0.1:%d/api/v1/keys/  (ETSI GS QKD 014; SAEs %s)%n",
                info.path("kme-port").intValue(), String.join(", ", node.saes()));
        }
        final DemoNode first = network.nodes().getFirst();
        final int firstNetconf = ready.get(first.name()).path("netconf-port").intValue();
        out.println();
        out.println("NETCONF (OpenSSH; the password is sdqkd-demo):");
        out.printf("  ssh -p %d -s admin@127.0.0.1 netconf%n", firstNetconf);
        out.println("NETCONF (ncclient): the node's ETSI GS QKD 015 data, live state included:");
        out.printf("  python3 -c \"from ncclient import manager; m = manager.connect(host='127.0.0.1', port=%d, "
            + "username='admin', password='sdqkd-demo', hostkey_verify=False, look_for_keys=False, "
            + "allow_agent=False); print(m.get(('subtree', '<qkd_node xmlns=\\\"urn:etsi:qkd:yang:etsi-qkd-node\\\"/>'"
            + ")))\"%n", firstNetconf);
        // the node's first application's SAEs (the maps do not keep the file's order)
        final String master = first.saes().getFirst();
        final String slave = first.peers().get(master).getFirst();
        final DemoNode slaveNode = network.nodes().stream().filter(n -> n.saes().contains(slave)).findFirst()
            .orElse(first);
        out.println();
        out.printf("ETSI GS QKD 014: %s at %s takes a key for %s, then %s at %s takes the same key by its "
            + "key_ID:%n", master, first.name(), slave, slave, slaveNode.name());
        out.printf("  curl -s --cacert %s --cert %s --key %s "
            + "'https://127.0.0.1:%d/api/v1/keys/%s/enc_keys?number=1'%n",
            pki.resolve("ca.crt"), pki.resolve(master + ".crt"), pki.resolve(master + ".key"),
            ready.get(first.name()).path("kme-port").intValue(), slave);
        out.printf("  curl -s --cacert %s --cert %s --key %s "
            + "'https://127.0.0.1:%d/api/v1/keys/%s/dec_keys?key_ID=KEY_ID'%n",
            pki.resolve("ca.crt"), pki.resolve(slave + ".crt"), pki.resolve(slave + ".key"),
            ready.get(slaveNode.name()).path("kme-port").intValue(), master);
        out.println("  (put the key_ID the first answer gives in place of KEY_ID; both answers hold the same key)");
        out.println();
        out.printf("The controller's RESTCONF (HTTPS, user %s, password %s), each command checked already:%n",
            DemoController.USER, DemoController.PASSWORD);
        restconf.lines().forEach(out::println);
        out.println();
        out.printf("Logs: %s%n", network.directory().resolve("logs"));
    }
}
