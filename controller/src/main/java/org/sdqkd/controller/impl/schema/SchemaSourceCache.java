package org.sdqkd.controller.impl.schema;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.SourceInfo;
import org.opendaylight.yangtools.yang.model.spi.source.StringYangTextSource;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;
import org.opendaylight.yangtools.yang.parser.api.YangSyntaxErrorException;
import org.opendaylight.yangtools.yang.parser.rfc7950.repo.TextToIRTransformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * YANG sources on disk, one file per module and revision ({@code name@revision.yang}, {@code name.yang} for a
 * module without revision), written atomically (a temporary file moved into place). A file is never trusted blindly:
 * one that is too large, does not parse as YANG or names another module is ignored, so that it is fetched again and
 * replaced. Thread-safe (two writers of one file each move a complete file into place).
 *
 * <p>Sources read or stored are also kept in memory, parsed (yangtools' immutable intermediate form), by module and
 * revision: every device after the first that names a module revision gets the same parsed source without reading
 * or parsing the file again. A module without revision is never kept, as on disk.
 */
public final class SchemaSourceCache {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaSourceCache.class);

    private final Path directory;
    private final int maxBytes;
    private final Map<SourceIdentifier, YangIRSource> parsed = new ConcurrentHashMap<>();

    /**
     * A cache in a directory, created if missing.
     *
     * @param directory the directory
     * @param maxBytes  the largest source accepted, in bytes
     * @throws IOException when the directory cannot be created
     */
    public SchemaSourceCache(final Path directory, final int maxBytes) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.maxBytes = maxBytes;
    }

    /**
     * The cached source of a module revision. A module asked without revision is never answered from the cache.
     *
     * @param id the module and revision
     * @return the parsed source, when a good one is cached
     */
    public Optional<YangIRSource> read(final SourceIdentifier id) {
        if (id.revision() == null) {
            return Optional.empty();
        }
        final YangIRSource known = parsed.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        final Path file = directory.resolve(id.toYangFilename());
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            if (Files.size(file) > maxBytes) {
                LOG.warn("cached schema {} is {} bytes, above the limit of {}: fetching it again", file,
                    Files.size(file), maxBytes);
                return Optional.empty();
            }
            final YangIRSource source = parse(id, Files.readString(file, UTF_8));
            parsed.put(id, source);
            return Optional.of(source);
        } catch (IOException | SchemaSourceException e) {
            LOG.warn("cached schema {} is unusable, fetching it again: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks a module's text and stores it under the revision it holds.
     *
     * @param id   the module asked for
     * @param text its YANG text
     * @return the parsed source
     * @throws SchemaSourceException when the text is too large, is not YANG or names another module
     */
    public YangIRSource store(final SourceIdentifier id, final String text) throws SchemaSourceException {
        if (text.length() > maxBytes) {
            throw new SchemaSourceException("schema " + ModuleRef.label(id) + " is " + text.length()
                + " characters, above the limit of " + maxBytes, null);
        }
        final YangIRSource source = parse(id, text);
        final SourceIdentifier actual = id.revision() != null ? id : source.sourceId();
        final Path file = directory.resolve(actual.toYangFilename());
        try {
            final Path temporary = Files.createTempFile(directory, actual.name().getLocalName(), ".tmp");
            try {
                Files.writeString(temporary, text, UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.warn("schema {} could not be cached in {}: {}", ModuleRef.label(actual), directory, e.getMessage());
        }
        if (id.revision() != null) {
            parsed.put(id, source);
        }
        return source;
    }

    /**
     * Parses a module's text into the parser's intermediate form and checks that it is the module asked for.
     *
     * @param id   the module and revision asked for (the revision may be absent)
     * @param text the text
     * @return the source, identified by the module's name and its latest revision (or the one asked)
     * @throws SchemaSourceException when the text is not YANG or is another module or revision
     */
    static YangIRSource parse(final SourceIdentifier id, final String text) throws SchemaSourceException {
        final YangIRSource ir;
        final SourceInfo info;
        try {
            ir = TextToIRTransformer.transformText(new StringYangTextSource(id, text));
            info = ir.extractSourceInfo();
        } catch (YangSyntaxErrorException | IOException | SourceInfo.ExtractorException
                | IllegalArgumentException e) {
            throw new SchemaSourceException("schema " + ModuleRef.label(id) + " is not valid YANG: "
                + e.getMessage(), e);
        }
        if (!info.sourceId().name().equals(id.name())) {
            throw new SchemaSourceException("schema asked as " + ModuleRef.label(id) + " holds module "
                + info.sourceId().name().getLocalName(), null);
        }
        if (id.revision() != null && !info.revisions().contains(id.revision())) {
            throw new SchemaSourceException("schema asked as " + ModuleRef.label(id) + " has no revision "
                + id.revision() + " (its latest is " + info.sourceId().revision() + ")", null);
        }
        final SourceIdentifier identified = id.revision() != null ? id : info.sourceId();
        return new YangIRSource(identified, ir.statement(), ir.symbolicName());
    }
}
