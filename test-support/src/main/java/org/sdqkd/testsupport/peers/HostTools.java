package org.sdqkd.testsupport.peers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The programs of the host that the fixtures run: a check that they are installed, which names the Debian package
 * to install when one is missing, and short commands run to completion ({@code ssh-keygen}, {@code useradd}).
 */
final class HostTools {

    /** Debian's netconfd (yuma123), package {@code netconfd}. */
    static final Path NETCONFD = Path.of("/usr/sbin/netconfd");
    /** The relay from an SSH channel to netconfd's UNIX socket, package {@code netconfd}. */
    static final Path NETCONF_SUBSYSTEM = Path.of("/usr/sbin/netconf-subsystem");
    /** OpenSSH's server, package {@code openssh-server}. */
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** OpenSSH's key generator, package {@code openssh-client}. */
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    /** The system Python, the only one that can import Debian's {@code python3-ncclient}. */
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private HostTools() {
    }

    /**
     * Fails unless a program is installed.
     *
     * @param program its absolute path
     * @param debianPackage the Debian package that installs it
     * @return the program
     * @throws IllegalStateException if it is not there or not executable
     */
    static Path require(final Path program, final String debianPackage) {
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException(program + " is missing: install the Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ")");
        }
        return program;
    }

    /**
     * The outcome of a command.
     *
     * @param exitCode its exit status
     * @param output what it wrote to stdout and stderr
     */
    record Result(int exitCode, String output) {
    }

    /**
     * Runs a command to completion.
     *
     * @param command the program and its arguments
     * @param input what to write to its standard input (may be empty)
     * @param timeout how long it may take; it is killed after that
     * @return its exit status and output
     * @throws IllegalStateException if it cannot be started or does not finish in time
     */
    static Result run(final List<String> command, final String input, final Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0), e);
        }
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot talk to " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the output of " + command.get(0), e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * Runs a command that must succeed.
     *
     * @param command the program and its arguments
     * @param input what to write to its standard input (may be empty)
     * @return its output
     * @throws IllegalStateException if it fails
     */
    static String check(final List<String> command, final String input) {
        Result result = run(command, input, Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with exit status " + result.exitCode() + ": "
                + result.output().strip());
        }
        return result.output();
    }

    private static String readAll(final Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file, failing unchecked. */
    static void copy(final Path from, final Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    /** Writes a UTF-8 text file, failing unchecked. */
    static void write(final Path file, final String text) {
        try {
            Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
