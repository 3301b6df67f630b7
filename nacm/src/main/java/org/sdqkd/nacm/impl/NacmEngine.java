package org.sdqkd.nacm.impl;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.Nacm;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.nacm.api.AccessDeniedException;
import org.sdqkd.nacm.api.DeniedCounters;
import org.sdqkd.nacm.api.Requester;

/**
 * The RFC 8341 engine. Its rules are the {@code nacm} container of the running datastore's current root, decoded
 * with the binding codec and compiled into a {@link Policy} once per change: the compiled policy is kept with the
 * container node it came from, and a datastore snapshot whose {@code nacm} is that same node (any commit that did
 * not touch it) reuses it.
 */
public final class NacmEngine implements AccessControl {
    private static final NodeIdentifier NACM = NodeIdentifier.create(Nacm.QNAME);
    private static final Set<QName> ALWAYS_SENT = Set.of(
        QName.create("urn:ietf:params:xml:ns:netmod:notification", "replayComplete"),
        QName.create("urn:ietf:params:xml:ns:netmod:notification", "notificationComplete"));
    private static final QName CLOSE_SESSION = QName.create("urn:ietf:params:xml:ns:netconf:base:1.0",
        "close-session");

    private final Supplier<ContainerNode> running;
    private final BindingNormalizedNodeSerializer codec;
    private final PolicyCompiler compiler;
    private final OperationMarks operationMarks;
    private final ModuleNames modules;
    private final ReadPruner pruner;
    private final WriteChecker writes;
    private final AtomicLong deniedOperations = new AtomicLong();
    private final AtomicLong deniedWrites = new AtomicLong();
    private final AtomicLong deniedNotifications = new AtomicLong();
    private volatile Compiled compiled = new Compiled(null, Policy.DEFAULT);

    private record Compiled(DataContainerChild source, Policy policy) {
    }

    /**
     * Creates the engine.
     *
     * @param context the models (the agent's)
     * @param codec the binding codec of the models
     * @param running the running datastore's current root, read on each request
     */
    public NacmEngine(final EffectiveModelContext context, final BindingNormalizedNodeSerializer codec,
            final Supplier<ContainerNode> running) {
        this.running = requireNonNull(running);
        this.codec = requireNonNull(codec);
        this.compiler = new PolicyCompiler(new PathParser(context));
        this.operationMarks = OperationMarks.of(context);
        this.modules = new ModuleNames(context);
        final SchemaMarks marks = SchemaMarks.of(context);
        this.pruner = new ReadPruner(modules, marks);
        this.writes = new WriteChecker(modules, marks);
    }

    @Override
    public void checkExecute(final Requester requester, final QName operation) throws AccessDeniedException {
        final Policy policy = policy();
        if (!applies(policy, requester) || CLOSE_SESSION.equals(operation.withoutRevision())) {
            return;
        }
        if (!policy.rulesFor(requester).mayExecute(moduleOf(operation), operation.getLocalName(),
                operationMarks.denyAll(operation))) {
            deniedOperations.incrementAndGet();
            throw new AccessDeniedException("access denied: the operation " + operation.getLocalName()
                + " is not permitted for user " + requester.user(), Optional.empty());
        }
    }

    @Override
    public ContainerNode readable(final Requester requester, final ContainerNode root) {
        final Policy policy = policy();
        return applies(policy, requester) ? pruner.prune(policy.rulesFor(requester), root) : root;
    }

    @Override
    public void checkWrite(final Requester requester, final ContainerNode before, final ContainerNode after)
            throws AccessDeniedException {
        final Policy policy = policy();
        if (!applies(policy, requester)) {
            return;
        }
        try {
            writes.check(policy.rulesFor(requester), before, after);
        } catch (AccessDeniedException e) {
            deniedWrites.incrementAndGet();
            throw e;
        }
    }

    @Override
    public boolean maySend(final Requester requester, final QName notification) {
        final Policy policy = policy();
        if (!applies(policy, requester) || ALWAYS_SENT.contains(notification.withoutRevision())) {
            return true;
        }
        final boolean send = policy.rulesFor(requester).maySend(moduleOf(notification),
            notification.getLocalName(), operationMarks.denyAll(notification));
        if (!send) {
            deniedNotifications.incrementAndGet();
        }
        return send;
    }

    @Override
    public DeniedCounters counters() {
        return new DeniedCounters(deniedOperations.get(), deniedWrites.get(), deniedNotifications.get());
    }

    private static boolean applies(final Policy policy, final Requester requester) {
        return policy.enabled() && !requester.recovery();
    }

    private String moduleOf(final QName name) {
        // the base operations belong to ietf-netconf, whatever models the agent loaded
        return "urn:ietf:params:xml:ns:netconf:base:1.0".equals(name.getNamespace().toString()) ? "ietf-netconf"
            : modules.of(name);
    }

    private Nacm decode(final DataContainerChild nacm) {
        final var decoded = codec.fromNormalizedNode(YangInstanceIdentifier.of(NACM), nacm);
        if (decoded == null || !(decoded.getValue() instanceof Nacm binding)) {
            throw new IllegalStateException("the binding codec does not decode ietf-netconf-acm's nacm");
        }
        return binding;
    }

    /** The policy of running's current nacm container, compiled again only when that container changed. */
    private Policy policy() {
        final DataContainerChild nacm = running.get().childByArg(NACM);
        final Compiled current = compiled;
        if (current.source() == nacm) {
            return current.policy();
        }
        final Policy policy = nacm == null ? Policy.DEFAULT : compiler.compile(decode(nacm));
        compiled = new Compiled(nacm, policy);
        return policy;
    }
}
