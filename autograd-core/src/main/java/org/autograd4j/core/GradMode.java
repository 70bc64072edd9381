package org.autograd4j.core;

/**
 * Whether operations are recorded, per thread: the engine's only global state. A mutable holder per thread makes the
 * check one ThreadLocal lookup.
 */
final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    static boolean enabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode and returns the previous one, for the caller to restore. */
    static boolean set(boolean enabled) {
        boolean[] holder = ENABLED.get();
        boolean previous = holder[0];
        holder[0] = enabled;
        return previous;
    }
}
