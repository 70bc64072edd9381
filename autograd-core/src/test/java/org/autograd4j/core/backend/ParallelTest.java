package org.autograd4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The split loop: coverage, chunking, inline paths, failures, and when threads start. */
class ParallelTest {
    private int before;

    @BeforeEach
    void remember() {
        before = Parallel.threads();
    }

    @AfterEach
    void restore() {
        Parallel.setThreads(before);
    }

    @Test
    void splitsIntoContiguousChunksCoveringTheRangeOnce() {
        Parallel.setThreads(2);
        int n = 100_003;
        int[] hits = new int[n];
        List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
        Parallel.forRange(n, (from, to) -> {
            ranges.add(new int[] {from, to});
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        for (int i = 0; i < n; i++) {
            assertEquals(1, hits[i], "index " + i);
        }
        assertEquals(8, ranges.size(), "chunks: four per thread");
        assertTrue(Parallel.started());
    }

    @Test
    void smallLoopsAndOneThreadRunInlineWithoutStartingThreads() {
        Parallel.setThreads(1);
        Parallel.setThreads(2);   // a new count: no workers until a loop is split
        assertFalse(Parallel.worthSplitting(Parallel.MIN_ELEMENTS - 1));
        assertTrue(Parallel.worthSplitting(Parallel.MIN_ELEMENTS));
        List<Thread> callers = new ArrayList<>();
        Parallel.forRange(2 * Parallel.MIN_CHUNK - 1, (from, to) -> callers.add(Thread.currentThread()));
        assertEquals(List.of(Thread.currentThread()), callers);
        assertFalse(Parallel.started(), "a small loop started the workers");

        Parallel.setThreads(1);
        assertFalse(Parallel.worthSplitting(1_000_000));
        List<int[]> ranges = new ArrayList<>();
        Parallel.forRange(1_000_000, (from, to) -> ranges.add(new int[] {from, to}));
        assertEquals(1, ranges.size());
        assertFalse(Parallel.started());
    }

    @Test
    void aLoopInsideASplitLoopRunsInline() {
        Parallel.setThreads(2);
        int n = 4 * Parallel.MIN_CHUNK;
        int[] inner = new int[n];
        Parallel.forRange(n, (from, to) -> Parallel.forRange(n, (a, b) -> {
            synchronized (inner) {
                inner[a]++;
            }
        }));
        assertEquals(4, inner[0], "each of the four outer chunks ran the inner loop whole, inline");
    }

    @Test
    void aWorkersFailureReachesTheCaller() {
        Parallel.setThreads(2);
        AtomicBoolean workerFailed = new AtomicBoolean();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () ->
                Parallel.forRange(8 * Parallel.MIN_CHUNK, (from, to) -> {
                    if (Thread.currentThread().getName().startsWith("autograd4j-parallel")) {
                        workerFailed.set(true);
                        throw boom;
                    }
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (!workerFailed.get() && System.nanoTime() < deadline) {
                        Thread.onSpinWait();   // the caller's chunk waits until a worker has run (and failed) one
                    }
                }));
        assertSame(boom, thrown);
        int[] hits = new int[8 * Parallel.MIN_CHUNK];
        Parallel.forRange(hits.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        assertEquals(hits.length, java.util.Arrays.stream(hits).sum(), "the pool works after a failure");
    }

    @Test
    void aCallersErrorPropagatesAsItIs() {
        Parallel.setThreads(2);
        AssertionError e = new AssertionError("chunk");
        assertSame(e, assertThrows(AssertionError.class, () -> Parallel.forRange(8 * Parallel.MIN_CHUNK,
                (from, to) -> {
                    throw e;
                })));
    }

    @Test
    void threadCountMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertEquals("Parallel.setThreads: the thread count must be >= 1, got 0", e.getMessage());
    }
}
