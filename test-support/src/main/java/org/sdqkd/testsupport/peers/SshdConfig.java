package org.sdqkd.testsupport.peers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of the private sshd in front of a netconfd peer: loopback only, the test user only, password
 * and public-key login, and the {@code netconf} subsystem relayed to netconfd's UNIX socket. The user's
 * {@code ~/.ssh} is left alone: the authorized key lives in the peer's directory, and {@code StrictModes} is off
 * because that directory is under the world-writable {@code /tmp}.
 *
 * @param port the SSH port
 * @param hostKey the host's private key
 * @param authorizedKeys the file of keys the test user may log in with
 * @param pidFile where sshd writes its process id
 * @param netconfdSocket netconfd's {@code --ncxserver-sockname}
 */
record SshdConfig(int port, Path hostKey, Path authorizedKeys, Path pidFile, Path netconfdSocket) {

    private static final Pattern VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

    /**
     * Returns the {@code sshd_config} text.
     *
     * @return the text
     */
    String text() {
        StringBuilder text = new StringBuilder()
            .append("Port ").append(port).append('\n')
            .append("ListenAddress 127.0.0.1\n")
            .append("HostKey ").append(hostKey).append('\n')
            .append("PidFile ").append(pidFile).append('\n')
            .append("""
                UsePAM no
                PasswordAuthentication yes
                KbdInteractiveAuthentication no
                PubkeyAuthentication yes
                StrictModes no
                PermitRootLogin no
                X11Forwarding no
                AllowTcpForwarding no
                AllowAgentForwarding no
                PrintMotd no
                MaxSessions 64
                MaxStartups 100:30:200
                MaxAuthTries 10
                """)
            .append("AllowUsers ").append(TestUser.NAME).append('\n')
            .append("AuthorizedKeysFile ").append(authorizedKeys).append('\n');
        if (hasSourcePenalties()) {
            // OpenSSH 9.8 and later penalise addresses whose connections end before login, as readiness probes do
            text.append("PerSourcePenalties no\n");
        }
        // netconf-subsystem picks netconfd's socket by the port the client connected to
        return text.append("Subsystem netconf ").append(HostTools.NETCONF_SUBSYSTEM)
            .append(" --ncxserver-sockname=").append(port).append('@').append(netconfdSocket).append('\n')
            .toString();
    }

    private static boolean hasSourcePenalties() {
        String version = HostTools.run(List.of(HostTools.SSHD.toString(), "-V"), "", Duration.ofSeconds(10)).output();
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 9 || major == 9 && minor >= 8;
    }
}
