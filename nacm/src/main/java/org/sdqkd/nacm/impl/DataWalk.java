package org.sdqkd.nacm.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;

/** The path being walked, as {@link DataStep}s, and how it is printed in errors. */
final class DataWalk {
    private final List<DataStep> steps = new ArrayList<>();
    private final ModuleNames modules;

    DataWalk(final ModuleNames modules) {
        this.modules = modules;
    }

    List<DataStep> steps() {
        return steps;
    }

    void push(final DataStep step) {
        steps.add(step);
    }

    void pushEntry(final MapEntryNode entry) {
        steps.add(new DataStep(entry.name().getNodeType(), entry.name().asMap()));
    }

    void pop() {
        steps.removeLast();
    }

    /** The path in the form {@code /module:node/module:list[key='value']}. */
    String print() {
        final StringBuilder out = new StringBuilder();
        for (DataStep step : steps) {
            out.append('/').append(modules.of(step.name())).append(':').append(step.name().getLocalName());
            out.append(step.keys().entrySet().stream().map(k -> "[" + k.getKey().getLocalName() + "='"
                + k.getValue() + "']").collect(Collectors.joining()));
        }
        return out.isEmpty() ? "/" : out.toString();
    }
}
