package org.sdqkd.nacm.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sdqkd.nacm.api.Requester;

/**
 * The {@code nacm} configuration compiled once per change (RFC 8341 section 3.2): whether it is enabled, the
 * defaults, the groups of each user and the rule lists in order.
 *
 * @param enabled {@code enable-nacm}
 * @param readPermit {@code read-default} is permit
 * @param writePermit {@code write-default} is permit
 * @param execPermit {@code exec-default} is permit
 * @param externalGroups {@code enable-external-groups}
 * @param groupsOfUser the configured groups of each user
 * @param ruleLists the rule lists, in order
 */
record Policy(boolean enabled, boolean readPermit, boolean writePermit, boolean execPermit, boolean externalGroups,
        Map<String, Set<String>> groupsOfUser, List<RuleList> ruleLists) {
    /** The RFC 8341 defaults, for a datastore without {@code nacm}. */
    static final Policy DEFAULT = new Policy(true, true, false, true, true, Map.of(), List.of());

    /**
     * One rule list.
     *
     * @param name its name
     * @param groups the groups it applies to
     * @param allGroups whether it applies to every group ({@code *})
     * @param rules its rules, in order
     */
    record RuleList(String name, Set<String> groups, boolean allGroups, List<CompiledRule> rules) {
        RuleList {
            requireNonNull(name);
            groups = Set.copyOf(groups);
            rules = List.copyOf(rules);
        }
    }

    Policy {
        groupsOfUser = Map.copyOf(groupsOfUser);
        ruleLists = List.copyOf(ruleLists);
    }

    /** The rules that apply to a requester, in the order they are tried (RFC 8341 section 3.4.5 steps 5-6). */
    UserRules rulesFor(final Requester requester) {
        final Set<String> groups = new HashSet<>(groupsOfUser.getOrDefault(requester.user(), Set.of()));
        if (externalGroups) {
            groups.addAll(requester.externalGroups());
        }
        final List<CompiledRule> rules = new ArrayList<>();
        if (!groups.isEmpty()) {
            for (RuleList list : ruleLists) {
                if (list.allGroups() || list.groups().stream().anyMatch(groups::contains)) {
                    rules.addAll(list.rules());
                }
            }
        }
        return new UserRules(this, rules);
    }
}
