package org.sdqkd.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Imports main classes only: whatever a module compiles from {@code src/main/java}, from its {@code target/classes}
 * directory inside a reactor or from its main jar, never a {@code test-classes} directory or a test-jar.
 */
final class MainClasses implements ImportOption {
    private static final Pattern TEST_CLASSES = Pattern.compile(".*/test-classes/.*");
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(final Location location) {
        return !location.matches(TEST_CLASSES) && !location.matches(TEST_JAR);
    }
}
