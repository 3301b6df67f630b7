package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One row of the differential case table ({@code differential/cases.tsv}): a document, the verdict RFC 7950
 * gives it, the constraints it exercises and whether yanglint is known to be wrong on it.
 *
 * @param file         the document, relative to {@code differential/cases}; its first directory names the
 *                     models ({@code test} or {@code project})
 * @param valid        the verdict intended by the case's author, per RFC 7950
 * @param constraints  the kinds of constraint the document exercises
 * @param yanglintWrong whether yanglint 2.1.30 demonstrably contradicts RFC 7950 on this document; then the
 *                     intended verdict is asserted instead of yanglint's, and {@code note} cites the section
 * @param note         what the document does
 */
record DifferentialCase(String file, boolean valid, Set<String> constraints, boolean yanglintWrong, String note) {
    private static final String HEADER = "file\tverdict\tconstraints\tyanglint\tnote";

    /** The model sets a case can use. */
    enum Models {
        /** The small test models in {@code differential/models}. */
        TEST,
        /** The project's own models, {@code yang/src/main/yang}. */
        PROJECT
    }

    DifferentialCase {
        requireNonNull(file);
        constraints = Set.copyOf(constraints);
        requireNonNull(note);
        if (constraints.isEmpty()) {
            throw new IllegalArgumentException(file + " names no constraint");
        }
        models(file);
    }

    /** The models this case's document is an instance of. */
    Models models() {
        return models(file);
    }

    private static Models models(final String file) {
        return switch (file.substring(0, Math.max(file.indexOf('/'), 0))) {
            case "test" -> Models.TEST;
            case "project" -> Models.PROJECT;
            default -> throw new IllegalArgumentException(file + " is neither under test/ nor under project/");
        };
    }

    @Override
    public String toString() {
        return file;
    }

    /** Reads the case table. */
    static List<DifferentialCase> load(final Path table) throws IOException {
        final List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(table + " must start with the header '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(DifferentialCase::parse).toList();
    }

    private static DifferentialCase parse(final String line) {
        final String[] cols = line.split("\t", -1);
        if (cols.length != 5) {
            throw new IllegalArgumentException("case line needs 5 columns: " + line);
        }
        final boolean valid = switch (cols[1]) {
            case "valid" -> true;
            case "invalid" -> false;
            default -> throw new IllegalArgumentException("verdict must be valid or invalid: " + line);
        };
        final boolean wrong = switch (cols[3]) {
            case "agrees" -> false;
            case "wrong" -> true;
            default -> throw new IllegalArgumentException("yanglint must be agrees or wrong: " + line);
        };
        return new DifferentialCase(cols[0], valid,
            Arrays.stream(cols[2].split(",")).map(String::strip).collect(Collectors.toSet()), wrong, cols[4]);
    }
}
