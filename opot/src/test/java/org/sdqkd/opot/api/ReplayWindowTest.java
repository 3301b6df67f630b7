package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    @Test
    void acceptsEachCounterOnceAndReorderingWithinTheWindow() throws Rejection {
        final ReplayWindow window = new ReplayWindow();
        window.accept(5);
        window.accept(3);
        assertThrows(Rejection.class, () -> window.accept(5));
        assertThrows(Rejection.class, () -> window.accept(3));
        window.accept(4);
        window.accept(5 + ReplayWindow.SIZE - 1);
        assertThrows(Rejection.class, () -> window.accept(4), "below the window now");
        assertDoesNotThrow(() -> window.accept(ReplayWindow.SIZE), "inside the window and unseen");
        window.accept(100_000);
        assertThrows(Rejection.class, () -> window.accept(100_000));
        assertDoesNotThrow(() -> window.accept(99_999));
        assertThrows(Rejection.class, () -> window.accept(100_000 - ReplayWindow.SIZE));
    }
}
