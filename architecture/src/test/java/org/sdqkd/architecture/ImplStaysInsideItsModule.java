package org.sdqkd.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The condition that a class uses no {@code impl} class of another sdqkd module (libraries' own {@code impl}
 * packages, such as yangtools' immutable node builders, are their business). A module is named by the package that
 * holds its {@code impl} package (the root of {@code org.sdqkd.qkd.node.impl.keys} is {@code org.sdqkd.qkd.node});
 * a class may use an {@code impl} class only when it lives under that same root.
 */
final class ImplStaysInsideItsModule extends ArchCondition<JavaClass> {
    private static final String IMPL_SEGMENT = ".impl";
    private static final String OURS = "org.sdqkd.";

    ImplStaysInsideItsModule() {
        super("use no impl class of another module");
    }

    @Override
    public void check(final JavaClass origin, final ConditionEvents events) {
        for (final Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            final String targetPackage = dependency.getTargetClass().getPackageName();
            final String root = targetPackage.startsWith(OURS) ? moduleRoot(targetPackage) : null;
            if (root != null && !insideRoot(origin.getPackageName(), root)) {
                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                    + ", an impl class of module " + root));
            }
        }
    }

    /**
     * The module root of a package inside an {@code impl} package, or null for any other package.
     *
     * @param packageName a package name
     * @return the package that holds its {@code impl} package, or null
     */
    static String moduleRoot(final String packageName) {
        if (packageName.endsWith(IMPL_SEGMENT)) {
            return packageName.substring(0, packageName.length() - IMPL_SEGMENT.length());
        }
        final int at = packageName.indexOf(IMPL_SEGMENT + ".");
        return at < 0 ? null : packageName.substring(0, at);
    }

    private static boolean insideRoot(final String packageName, final String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
