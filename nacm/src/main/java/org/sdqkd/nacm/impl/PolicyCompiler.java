package org.sdqkd.nacm.impl;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.AccessOperationsType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.ActionType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.Nacm;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.UserNameType;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.RuleList;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.groups.Group;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.rule.list.Rule;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.rule.list.rule.rule.type.DataNode;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.rule.list.rule.rule.type.Notification;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.acm.rev180214.nacm.rule.list.rule.rule.type.ProtocolOperation;
import org.sdqkd.nacm.api.AccessOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the {@code nacm} container, read as a generated binding object, into a {@link Policy}. A data-node rule
 * whose path cannot be read (unknown module, unsupported predicate) never matches, and is logged once per change.
 */
final class PolicyCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyCompiler.class);
    private static final String ALL = "*";

    private final PathParser paths;

    PolicyCompiler(final PathParser paths) {
        this.paths = paths;
    }

    /** The policy of a {@code nacm} container; absent leaves take their RFC 8341 defaults. */
    Policy compile(final Nacm nacm) {
        final Map<String, Set<String>> groupsOfUser = new HashMap<>();
        for (Group group : nacm.nonnullGroups().nonnullGroup().values()) {
            for (UserNameType user : Objects.requireNonNullElse(group.getUserName(), Set.<UserNameType>of())) {
                groupsOfUser.computeIfAbsent(user.getValue(), u -> new HashSet<>()).add(group.getName().getValue());
            }
        }
        final List<Policy.RuleList> lists = new ArrayList<>();
        for (RuleList list : nacm.nonnullRuleList()) {
            final Set<String> groups = new HashSet<>();
            Objects.requireNonNullElse(list.getGroup(), Set.<RuleList.Group>of())
                .forEach(g -> groups.add(g.stringValue()));
            final List<CompiledRule> rules = new ArrayList<>();
            for (Rule rule : list.nonnullRule()) {
                rule(list.getName(), rule).ifPresent(rules::add);
            }
            lists.add(new Policy.RuleList(list.getName(), groups, groups.contains(ALL), rules));
        }
        return new Policy(!Boolean.FALSE.equals(nacm.getEnableNacm()),
            nacm.getReadDefault() != ActionType.Deny, nacm.getWriteDefault() == ActionType.Permit,
            nacm.getExecDefault() != ActionType.Deny, !Boolean.FALSE.equals(nacm.getEnableExternalGroups()),
            groupsOfUser.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Set.copyOf(e.getValue()))), lists);
    }

    private Optional<CompiledRule> rule(final String listName, final Rule rule) {
        final Optional<String> module = Optional.ofNullable(rule.getModuleName()).map(m -> m.stringValue())
            .filter(m -> !ALL.equals(m));
        CompiledRule.Type type = CompiledRule.Type.ANY;
        Optional<String> target = Optional.empty();
        Optional<PathPattern> path = Optional.empty();
        switch (rule.getRuleType()) {
            case null -> { }
            case ProtocolOperation op -> {
                type = CompiledRule.Type.RPC;
                target = Optional.ofNullable(op.getRpcName()).map(n -> n.stringValue()).filter(n -> !ALL.equals(n));
            }
            case Notification notification -> {
                type = CompiledRule.Type.NOTIFICATION;
                target = Optional.ofNullable(notification.getNotificationName()).map(n -> n.stringValue())
                    .filter(n -> !ALL.equals(n));
            }
            case DataNode data -> {
                type = CompiledRule.Type.DATA;
                path = paths.parse(data.getPath().getValue());
                if (path.isEmpty()) {
                    LOG.warn("NACM rule {}/{}: path {} cannot be read; the rule never matches", listName,
                        rule.getName(), data.getPath().getValue());
                    return Optional.empty();
                }
            }
            default -> throw new IllegalStateException("unknown rule-type " + rule.getRuleType());
        }
        return Optional.of(new CompiledRule(listName + "/" + rule.getName(), module, type, target, path,
            operations(rule.getAccessOperations()), rule.getAction() == ActionType.Permit));
    }

    private static Set<AccessOperation> operations(final Rule.AccessOperations access) {
        if (access == null) {
            // RFC 8341: access-operations defaults to "*"
            return EnumSet.allOf(AccessOperation.class);
        }
        if (access.getMatchallStringType() != null) {
            return EnumSet.allOf(AccessOperation.class);
        }
        final AccessOperationsType bits = access.getAccessOperationsType();
        final Set<AccessOperation> ops = EnumSet.noneOf(AccessOperation.class);
        if (bits.getCreate()) {
            ops.add(AccessOperation.CREATE);
        }
        if (bits.getRead()) {
            ops.add(AccessOperation.READ);
        }
        if (bits.getUpdate()) {
            ops.add(AccessOperation.UPDATE);
        }
        if (bits.getDelete()) {
            ops.add(AccessOperation.DELETE);
        }
        if (bits.getExec()) {
            ops.add(AccessOperation.EXEC);
        }
        return ops;
    }
}
