package org.sdqkd.ssh.qkd.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;

/**
 * Makes each client connection's key exchange offer follow its own {@link ClientQkd}: the client knows every method,
 * and this listener rewrites the method list of every {@code SSH_MSG_KEXINIT} it sends (the first and each re-key)
 * by the connection's policy. It reads nothing the server sends: a peer's message before {@code SSH_MSG_NEWKEYS} is
 * unauthenticated, so no offer and no fallback may depend on it.
 */
final class ClientProposals implements SessionListener {
    private static final Set<String> HYBRID_NAMES = new HashSet<>(
        Arrays.stream(HybridMethod.values()).map(HybridMethod::sshName).toList());

    @Override
    public void sessionNegotiationOptionsCreated(final Session session, final Map<KexProposalOption, String> proposal) {
        if (!(session instanceof ClientSession client)) {
            return;
        }
        final AttributeRepository context = client.getConnectionContext();
        final ClientQkd config = context == null ? null : context.getAttribute(Attributes.CLIENT);
        final boolean standardOnly = context != null && Boolean.TRUE.equals(context.getAttribute(
            Attributes.STANDARD_ONLY));
        final KexPolicy policy = config == null || standardOnly ? KexPolicy.OFF : config.settings().policy();
        final Set<String> methods = new HashSet<>(NamedResource.getNameList(session.getKeyExchangeFactories()));
        final List<String> offered = new ArrayList<>();
        if (policy != KexPolicy.OFF) {
            config.settings().offeredMethods().stream().map(HybridMethod::sshName).filter(methods::contains)
                .forEach(offered::add);
        }
        for (String name : proposal.getOrDefault(KexProposalOption.ALGORITHMS, "").split(",")) {
            if (name.isEmpty() || HYBRID_NAMES.contains(name)) {
                continue;
            }
            // under "required" only the pseudo-methods that are no key exchange stay (ext-info-c, kex-strict-c)
            if (policy != KexPolicy.REQUIRED || !methods.contains(name)) {
                offered.add(name);
            }
        }
        proposal.put(KexProposalOption.ALGORITHMS, String.join(",", offered));
    }
}
