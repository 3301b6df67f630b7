package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/**
 * Bare member names of TeraFlowSDN's QKD driver made module-qualified (RFC 7951 section 4), from the schema: a bare
 * name is qualified only where exactly one schema node of that name fits, so nothing is guessed.
 */
final class TfsNames {
    private final EffectiveModelContext context;

    TfsNames(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * The qualified form of a name at the top level of the data tree.
     *
     * @param name a member or path segment name, bare or qualified
     * @return {@code module:name}; the name unchanged when it is qualified already or no single module has it
     */
    String topLevel(final String name) {
        if (name.indexOf(':') >= 0) {
            return name;
        }
        final List<QName> found = new ArrayList<>();
        for (Module module : context.getModules()) {
            for (DataSchemaNode node : module.getChildNodes()) {
                if (node.getQName().getLocalName().equals(name)) {
                    found.add(node.getQName());
                }
            }
        }
        return found.size() == 1 ? qualified(found.get(0)) : name;
    }

    /**
     * The qualified form of a top-level member of a request body for a target: the target node itself or, for a
     * POST, one of its children.
     *
     * @param name     the member's name
     * @param target   the target's schema node, empty at the datastore root
     * @param children whether the target's children may be named too (POST)
     * @return {@code module:name}; the name unchanged when it is qualified already or nothing of that name fits
     */
    String member(final String name, final Optional<DataSchemaNode> target, final boolean children) {
        if (name.indexOf(':') >= 0) {
            return name;
        }
        if (target.isEmpty()) {
            return topLevel(name);
        }
        final List<QName> found = new ArrayList<>();
        final DataSchemaNode node = target.orElseThrow();
        if (node.getQName().getLocalName().equals(name)) {
            found.add(node.getQName());
        }
        if (children && node instanceof DataNodeContainer container) {
            container.getChildNodes().stream().map(DataSchemaNode::getQName)
                .filter(child -> child.getLocalName().equals(name)).forEach(found::add);
        }
        return found.size() == 1 ? qualified(found.get(0)) : name;
    }

    private String qualified(final QName name) {
        final String module = context.findModuleStatement(name.getModule())
            .map(statement -> statement.argument().getLocalName())
            .orElseThrow(() -> new IllegalStateException("no module for " + name));
        return module + ":" + name.getLocalName();
    }
}
