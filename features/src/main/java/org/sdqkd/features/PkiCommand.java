package org.sdqkd.features;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.sdqkd.qkd.node.api.CertificateAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd pki init|node|sae}: the small PKI of an sdqkd network (see {@link CertificateAuthority}). One CA
 * issues node certificates (the KME's HTTPS and the QKD link channels) and SAE certificates (an application's
 * identity at the ETSI GS QKD 014 KME, CN = SAE ID). Every file is PEM, in one directory.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
    description = {
        "Create the network's certificate authority and issue node and SAE certificates (ECDSA P-256, PEM).",
        "Files go into --dir: ca.crt/ca.key, then <name>.crt/<name>.key per node or SAE (keys mode 600)."
    },
    subcommands = {PkiCommand.Init.class, PkiCommand.Node.class, PkiCommand.Sae.class})
final class PkiCommand implements Runnable {
    private static final Pattern UUID_TEXT = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: init, node or sae");
    }

    /** A refusal: the message is printed and the command exits with status 1. */
    private static final class PkiException extends Exception {
        private static final long serialVersionUID = 1L;

        PkiException(final String message) {
            super(message);
        }
    }

    /** What the three subcommands share: the directory, the validity, and the way they report. */
    private abstract static class Base implements Callable<Integer> {
        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The PKI directory.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            try {
                if (days() < 1 || days() > 36_500) {
                    throw new PkiException("--days: from 1 to 36500, not " + days());
                }
                for (String line : execute()) {
                    out.println(line);
                }
                out.flush();
                return 0;
            } catch (PkiException | IOException | IllegalArgumentException e) {
                final PrintWriter err = spec.commandLine().getErr();
                err.println("sdqkd pki " + spec.name() + ": " + e.getMessage());
                err.flush();
                return 1;
            }
        }

        abstract int days();

        abstract List<String> execute() throws PkiException, IOException;

        Duration validity() {
            return Duration.ofDays(days());
        }

        CertificateAuthority loadCa() throws PkiException, IOException {
            if (!Files.exists(dir.resolve(CertificateAuthority.CA_CERT))
                    || !Files.exists(dir.resolve(CertificateAuthority.CA_KEY))) {
                throw new PkiException("no CA in " + dir + " (" + CertificateAuthority.CA_CERT + " and "
                    + CertificateAuthority.CA_KEY + "); create one with: sdqkd pki init --dir " + dir);
            }
            return CertificateAuthority.load(dir);
        }

        void checkAbsent(final String name) throws PkiException {
            for (String file : List.of(name + ".crt", name + ".key")) {
                if (Files.exists(dir.resolve(file))) {
                    throw new PkiException(dir.resolve(file) + " exists already; remove " + name
                        + ".crt and " + name + ".key to issue a new certificate");
                }
            }
        }

        List<String> wrote(final String what, final String name) {
            return List.of(what + ": " + dir.resolve(name + ".crt") + " (certificate, then the CA's), "
                + dir.resolve(name + ".key") + " (private key)");
        }
    }

    /** {@code sdqkd pki init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the CA: ca.crt and ca.key in --dir (created if missing). Refuses an existing CA.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the CA was created", "1:a CA exists already, a bad name or --days, or a write failed",
            "2:usage error"})
    static final class Init extends Base {
        @Option(names = "--name", paramLabel = "NAME",
            description = "The CA's common name (default: ${DEFAULT-VALUE}).")
        String name = "sdqkd CA";

        @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days = 3650;

        @Override
        int days() {
            return days;
        }

        @Override
        List<String> execute() throws PkiException, IOException {
            if (Files.exists(dir.resolve(CertificateAuthority.CA_CERT))
                    || Files.exists(dir.resolve(CertificateAuthority.CA_KEY))) {
                throw new PkiException("a CA exists already in " + dir + "; it is never overwritten");
            }
            CertificateAuthority.create(dir, name, validity());
            return List.of("CA \"" + name + "\": " + dir.resolve(CertificateAuthority.CA_CERT) + ", "
                + dir.resolve(CertificateAuthority.CA_KEY) + " (private key: keep it off the nodes)");
        }
    }

    /** {@code sdqkd pki node}. */
    @Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Issue a node certificate (TLS server and client): CN = --name, subject alternative names "
            + "urn:uuid:<--id> and each --host (default: localhost and 127.0.0.1).",
            "Writes <name>.crt and <name>.key into --dir, which must hold the CA."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the certificate was issued", "1:no CA, a bad name, id, host or --days, files exist "
            + "already, or a write failed", "2:usage error"})
    static final class Node extends Base {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The node's name.")
        String name;

        @Option(names = "--id", required = true, paramLabel = "UUID", description = "The node's qkdn_id.")
        String id;

        @Option(names = "--host", paramLabel = "H", description = "A DNS name or IP address the node serves on "
            + "(repeatable).")
        List<String> hosts = List.of();

        @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days = 365;

        @Override
        int days() {
            return days;
        }

        @Override
        List<String> execute() throws PkiException, IOException {
            if (!UUID_TEXT.matcher(id).matches()) {
                throw new PkiException("--id: not a UUID: " + id);
            }
            final Set<String> names = new LinkedHashSet<>(hosts.isEmpty() ? List.of("localhost", "127.0.0.1") : hosts);
            for (String host : names) {
                if (host.isEmpty() || !host.matches("[A-Za-z0-9.:*-]{1,253}")) {
                    throw new PkiException("--host: not a DNS name or IP address: " + host);
                }
            }
            final CertificateAuthority ca = loadCa();
            checkAbsent(name);
            ca.issueNode(dir, name, UUID.fromString(id), names, validity());
            return wrote("node " + name + " (urn:uuid:" + UUID.fromString(id) + ", " + String.join(", ", names)
                + ")", name);
        }
    }

    /** {@code sdqkd pki sae}. */
    @Command(name = "sae", mixinStandardHelpOptions = true,
        description = {"Issue an SAE certificate (TLS client) whose CN is the ETSI GS QKD 014 SAE ID.",
            "Writes <SAE_ID>.crt and <SAE_ID>.key into --dir, which must hold the CA."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the certificate was issued", "1:no CA, a bad SAE ID or --days, files exist already, "
            + "or a write failed", "2:usage error"})
    static final class Sae extends Base {
        @Option(names = "--id", required = true, paramLabel = "SAE_ID",
            description = "The SAE ID: letters, digits and . _ : @ -, at most 128.")
        String id;

        @Option(names = "--days", paramLabel = "N", description = "Validity in days (default: ${DEFAULT-VALUE}).")
        int days = 365;

        @Override
        int days() {
            return days;
        }

        @Override
        List<String> execute() throws PkiException, IOException {
            final CertificateAuthority ca = loadCa();
            checkAbsent(id);
            ca.issueSae(dir, id, validity());
            return wrote("SAE " + id, id);
        }
    }
}
