package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.tls.api.TlsIdentity;
import picocli.CommandLine;

/** {@code sdqkd pki}: files that our TLS code and OpenSSL accept, and clear refusals. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PkiCommandTest {
    private static final UUID NODE_ID = UUID.fromString("0b3c9c43-8f25-4a34-9e8b-7c4cbb1e6f2a");

    @TempDir
    Path dir;

    /** What the command printed, and its exit status. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void issuesACaANodeAndAnSaeThatOpensslVerifies() throws Exception {
        final Run init = pki("init", "--dir", dir.toString(), "--name", "Test Net CA", "--days", "30");
        assertEquals(0, init.status(), init.err());
        assertTrue(init.out().startsWith("CA \"Test Net CA\": " + dir.resolve("ca.crt")), init.out());
        final Run node = pki("node", "--dir", dir.toString(), "--name", "node-a", "--id", NODE_ID.toString(),
            "--host", "127.0.0.1", "--host", "kme-a.example");
        assertEquals(0, node.status(), node.err());
        assertTrue(node.out().contains(dir.resolve("node-a.crt").toString()), node.out());
        final Run sae = pki("sae", "--dir", dir.toString(), "--id", "SAE_A");
        assertEquals(0, sae.status(), sae.err());
        assertEquals("rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("SAE_A.key"))));

        final TlsIdentity nodeTls = TlsIdentity.load(dir.resolve("node-a.crt"), dir.resolve("node-a.key"),
            dir.resolve("ca.crt"));
        assertEquals(Optional.of(NODE_ID), TlsIdentity.nodeId(nodeTls.certificate()));
        assertEquals(Optional.of("node-a"), TlsIdentity.commonName(nodeTls.certificate()));
        final TlsIdentity saeTls = TlsIdentity.load(dir.resolve("SAE_A.crt"), dir.resolve("SAE_A.key"),
            dir.resolve("ca.crt"));
        assertEquals(Optional.of("SAE_A"), TlsIdentity.commonName(saeTls.certificate()));

        assertEquals(List.of(0, "node-a.crt: OK"), openssl("verify", "-purpose", "sslserver", "-CAfile", "ca.crt",
            "node-a.crt"));
        assertEquals(List.of(0, "SAE_A.crt: OK"), openssl("verify", "-purpose", "sslclient", "-CAfile", "ca.crt",
            "SAE_A.crt"));
        final String names = (String) openssl("x509", "-noout", "-ext", "subjectAltName", "-in", "node-a.crt").get(1);
        assertTrue(names.contains("URI:urn:uuid:" + NODE_ID) && names.contains("IP Address:127.0.0.1")
            && names.contains("DNS:kme-a.example"), names);
    }

    @Test
    void refusesASecondCa() {
        assertEquals(0, pki("init", "--dir", dir.toString()).status());
        final Run again = pki("init", "--dir", dir.toString());
        assertEquals(new Run(1, "", "sdqkd pki init: a CA exists already in " + dir + "; it is never overwritten"),
            again);
    }

    @Test
    void refusesToIssueWithoutCa() {
        final Run run = pki("sae", "--dir", dir.toString(), "--id", "SAE_A");
        assertEquals(new Run(1, "", "sdqkd pki sae: no CA in " + dir + " (ca.crt and ca.key); create one with: "
            + "sdqkd pki init --dir " + dir), run);
        assertEquals(1, pki("node", "--dir", dir.toString(), "--name", "n", "--id", NODE_ID.toString()).status());
    }

    @Test
    void refusesBadNamesIdsAndDays() {
        assertEquals(0, pki("init", "--dir", dir.toString()).status());
        final Run slash = pki("sae", "--dir", dir.toString(), "--id", "a/b");
        assertEquals(1, slash.status());
        assertTrue(slash.err().startsWith("sdqkd pki sae: not a usable certificate name"), slash.err());
        assertEquals(1, pki("sae", "--dir", dir.toString(), "--id", "-dash").status());
        final Run node = pki("node", "--dir", dir.toString(), "--name", "bad name", "--id", NODE_ID.toString());
        assertTrue(node.err().startsWith("sdqkd pki node: not a usable certificate name"), node.err());
        assertEquals(new Run(1, "", "sdqkd pki node: --id: not a UUID: 42"),
            pki("node", "--dir", dir.toString(), "--name", "n", "--id", "42"));
        assertEquals(new Run(1, "", "sdqkd pki node: --host: not a DNS name or IP address: a b"),
            pki("node", "--dir", dir.toString(), "--name", "n", "--id", NODE_ID.toString(), "--host", "a b"));
        assertEquals(new Run(1, "", "sdqkd pki sae: --days: from 1 to 36500, not 0"),
            pki("sae", "--dir", dir.toString(), "--id", "SAE_A", "--days", "0"));
        assertEquals(1, pki("init", "--dir", dir.resolve("other").toString(), "--name", " ").status());
        assertEquals(2, pki("sae", "--dir", dir.toString()).status());
        assertEquals(2, pki().status());
    }

    @Test
    void neverOverwritesAnIssuedCertificate() throws IOException {
        assertEquals(0, pki("init", "--dir", dir.toString()).status());
        assertEquals(0, pki("sae", "--dir", dir.toString(), "--id", "SAE_A").status());
        final String before = Files.readString(dir.resolve("SAE_A.crt"));
        assertEquals(new Run(1, "", "sdqkd pki sae: " + dir.resolve("SAE_A.crt") + " exists already; remove "
            + "SAE_A.crt and SAE_A.key to issue a new certificate"), pki("sae", "--dir", dir.toString(), "--id",
            "SAE_A"));
        assertEquals(before, Files.readString(dir.resolve("SAE_A.crt")));
    }

    private static Run pki(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final String[] all = new String[args.length + 1];
        all[0] = "pki";
        System.arraycopy(args, 0, all, 1, args.length);
        final int status = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
            .execute(all);
        return new Run(status, out.toString().strip(), err.toString().strip());
    }

    /** Runs openssl in the PKI directory: its exit status and standard output (stripped). */
    private List<Object> openssl(final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        final Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("openssl is required for this test and could not be run (" + e.getMessage()
                + "); install it (apt-get install openssl)");
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("openssl did not finish in 30 s");
        }
        return List.of(process.exitValue(), output.strip());
    }
}
