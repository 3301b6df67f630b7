package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * {@code {+restconf}/modules/name[/revision]}: the YANG text of a served module (media type {@code application/yang},
 * RFC 6020 section 14), the target of the {@code location} URLs of the YANG library (RFC 8525, RFC 8040 section 3.7).
 */
final class SchemaResource {
    /** The path segment under the RESTCONF root. */
    static final String SEGMENT = "modules";
    /** The media type of YANG text. */
    static final String MEDIA_TYPE = "application/yang";

    private final EffectiveModelContext models;
    private final ModuleSources sources;

    SchemaResource(final EffectiveModelContext models, final ModuleSources sources) {
        this.models = requireNonNull(models);
        this.sources = requireNonNull(sources);
    }

    /**
     * The YANG text of a module.
     *
     * @param rest what follows {@code {+restconf}/modules/}: {@code name/revision}, or {@code name} for a module
     *             without revision
     * @return the text, in UTF-8
     * @throws RestconfException 404 when no served module has that name and revision
     */
    byte[] text(final String rest) throws RestconfException {
        final int slash = rest.indexOf('/');
        final String name = slash < 0 ? rest : rest.substring(0, slash);
        final String revision = slash < 0 ? "" : rest.substring(slash + 1);
        final boolean served = models.getModules().stream().anyMatch(module -> module.getName().equals(name)
            && module.getRevision().map(Object::toString).orElse("").equals(revision));
        if (!served) {
            throw new RestconfException(404, RestconfError.of(ErrorTag.INVALID_VALUE, "no module " + name
                + (revision.isEmpty() ? " without revision" : " revision " + revision) + " is served here"));
        }
        return sources.text(name, revision).orElseThrow(() -> new RestconfException(404,
            RestconfError.of(ErrorTag.INVALID_VALUE, "the YANG text of " + name + " is not available here")))
            .getBytes(StandardCharsets.UTF_8);
    }
}
