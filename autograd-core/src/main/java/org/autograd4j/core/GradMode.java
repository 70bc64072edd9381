package org.autograd4j.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether operations are recorded, and whether anomaly mode is on, per thread: the engine's only global state. A
 * mutable holder per thread makes the check one ThreadLocal lookup.
 */
final class GradMode {
    private static final int ENABLED = 0;
    private static final int ANOMALY = 1;
    private static final int CHECK_NAN = 2;
    private static final ThreadLocal<boolean[]> STATE = ThreadLocal.withInitial(() -> new boolean[] {true, false,
        false});
    /**
     * How many anomaly scopes are open on all threads: the gate that keeps anomaly mode free when off (a plain read
     * per recorded op; the thread's own flag is looked up only when some thread has a scope open).
     */
    private static final AtomicInteger ANOMALY_SCOPES = new AtomicInteger();

    private GradMode() {
    }

    static boolean enabled() {
        return STATE.get()[ENABLED];
    }

    /** Sets the mode and returns the previous one, for the caller to restore. */
    static boolean set(boolean enabled) {
        boolean[] holder = STATE.get();
        boolean previous = holder[ENABLED];
        holder[ENABLED] = enabled;
        return previous;
    }

    /** Whether anomaly mode is on on this thread. */
    static boolean anomaly() {
        return ANOMALY_SCOPES.get() > 0 && STATE.get()[ANOMALY];
    }

    /** Whether anomaly mode on this thread also checks forward values. */
    static boolean checkNaN() {
        return ANOMALY_SCOPES.get() > 0 && STATE.get()[CHECK_NAN];
    }

    /** Opens an anomaly scope on this thread; returns the previous (anomaly, checkNaN) flags, for {@link #close}. */
    static boolean[] openAnomaly(boolean checkNaN) {
        boolean[] holder = STATE.get();
        boolean[] previous = {holder[ANOMALY], holder[CHECK_NAN]};
        holder[ANOMALY] = true;
        holder[CHECK_NAN] = checkNaN;
        ANOMALY_SCOPES.incrementAndGet();
        return previous;
    }

    /** Closes a scope {@link #openAnomaly} opened on this thread. */
    static void close(boolean[] previous) {
        boolean[] holder = STATE.get();
        holder[ANOMALY] = previous[0];
        holder[CHECK_NAN] = previous[1];
        ANOMALY_SCOPES.decrementAndGet();
    }
}
