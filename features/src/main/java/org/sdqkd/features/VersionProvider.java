package org.sdqkd.features;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code sdqkd --version}: the one in the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        final String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
            .orElse("development build");
        return new String[] { "sdqkd " + version };
    }
}
