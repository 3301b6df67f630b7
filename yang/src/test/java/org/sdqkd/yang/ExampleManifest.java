package org.sdqkd.yang;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The index of the invalid example documents ({@code examples/invalid/manifest.tsv}): for each file,
 * which kind of check catches it and the data path of the offending node.
 */
public record ExampleManifest(List<Entry> entries) {
    /**
     * One invalid document.
     *
     * @param file file name inside {@code examples/invalid}
     * @param kind {@code parser}, {@code tree}, {@code leafref} or {@code semantic}
     * @param path data path of the offending node, as libyang prints it
     * @param error what is wrong, in words
     */
    public record Entry(String file, String kind, String path, String error) {
        public Entry {
            requireNonNull(file);
            requireNonNull(kind);
            requireNonNull(path);
            requireNonNull(error);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    public ExampleManifest {
        entries = List.copyOf(entries);
    }

    public static ExampleManifest load(final Path invalidDir) throws IOException {
        final List<String> lines = Files.readAllLines(invalidDir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals("file\tkind\tpath\terror")) {
            throw new IOException("manifest.tsv must start with the header 'file<TAB>kind<TAB>path<TAB>error'");
        }
        return new ExampleManifest(lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            final String[] cols = line.split("\t", -1);
            if (cols.length != 4) {
                throw new IllegalArgumentException("manifest line needs 4 columns: " + line);
            }
            return new Entry(cols[0], cols[1], cols[2], cols[3]);
        }).toList());
    }
}
