package org.sdqkd.architecture.othermodule;

import org.sdqkd.architecture.fixture.impl.Checks;

/** Code of another module that calls the fixture module's impl helper: what the impl rule forbids. */
public final class UsesForeignImpl {
    private UsesForeignImpl() {
        // static only
    }

    /**
     * Checks a text with the other module's impl helper.
     *
     * @param text the text
     */
    public static void check(final String text) {
        Checks.notBlank(text);
    }
}
