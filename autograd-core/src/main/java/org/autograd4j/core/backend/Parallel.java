package org.autograd4j.core.backend;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a loop over {@code [0, n)} into contiguous chunks run on a fixed set of daemon worker threads and the caller,
 * for the engine's large elementwise passes, reductions over independent outputs and optimizer updates; as many threads
 * in all as BLAS uses ({@link #threads()}).
 *
 * <p>How callers use it, so that small tensors pay nothing (no lambda allocated, no thread touched):
 * <pre>{@code
 * if (Parallel.worthSplitting(n)) {
 *     Parallel.forRange(n, (from, to) -> kernel(x, out, from, to));
 * } else {
 *     kernel(x, out, 0, n);
 * }
 * }</pre>
 *
 * <p><b>Note (bit-identical).</b> A body must compute each output from the same inputs in the same order whatever range
 * it is given: elementwise loops, or reductions split over their independent outputs (a column sum split by columns,
 * a row-wise softmax by rows), never one sum split into partial sums. Then the result is bit for bit the one-thread
 * result for any thread count and any chunking, which captured-step replay and the tests rely on.
 *
 * <p><b>Note (hand-off).</b> Workers claim chunks from a shared counter, and so does the caller, which runs chunks
 * itself instead of waiting: a worker that wakes late (parked, or its core busy with another process or BLAS's own
 * threads) costs the caller only the wake-up call, never a stall. After a job a worker spins for
 * {@link #SPIN_NANOS} before parking, so that the next pass of a step finds it awake; not longer, since a spinning
 * worker takes a core from the BLAS threads of the product that usually follows. If the pool is busy with another
 * caller's job (several user threads, or a body that itself splits), the loop runs inline on its caller.
 *
 * <p>Threads: none is started before the first loop that is split; the count is read then, once, from
 * {@link BlasBackend#threads()} (for the Java backend, which has no threads of its own, one per CPU), and
 * {@link BlasBackend#setThreads} and {@link #setThreads} change it.
 *
 * <p>Internal: public only for {@code org.autograd4j.core}'s ops and {@code nn}'s optimizers; not API.
 */
public final class Parallel {

    /** A loop body over the indices {@code [from, to)}. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the loop over {@code [from, to)}.
         *
         * @param from the first index
         * @param to one past the last index
         */
        void run(int from, int to);
    }

    /**
     * Fewest elements of a simple pass (one to a few arithmetic operations per element) worth splitting; see
     * benchmarks/README.md, issue 14, "Two threads" for the measurement.
     */
    public static final int MIN_ELEMENTS = 65_536;

    /**
     * The work of one element that calls {@code exp}, {@code log} or {@code tanh}, in simple-element units (for
     * {@link #worthSplitting} and {@link #forRange(int, long, Body)}); measured with the threshold.
     */
    public static final int TRANSCENDENTAL = 16;

    /** Fewest elements in one chunk: below it the chunk's bookkeeping shows. */
    static final int MIN_CHUNK = 4_096;

    /** How long an idle worker spins before parking (see "hand-off"). */
    static final long SPIN_NANOS = 30_000;

    private static final Object LOCK = new Object();
    /** The thread count; 0 until first read or set. */
    private static volatile int threads;
    /** The workers for the current count; null until the first split loop. */
    private static volatile Pool pool;

    private Parallel() {
    }

    /**
     * Whether a pass over {@code n} elements should be split: at least {@link #MIN_ELEMENTS} and more than one thread.
     * One comparison for small passes.
     *
     * @param n the number of elements (or the work, in simple-element units, of a costlier pass)
     * @return true when {@link #forRange} would split it
     */
    public static boolean worthSplitting(long n) {
        return n >= MIN_ELEMENTS && threads() > 1;
    }

    /**
     * Runs {@code body} over {@code [0, n)} in contiguous chunks on the workers and the caller, and returns when all
     * are done; inline on the caller when the pool has one thread or is busy. See the note "bit-identical" for what a
     * body must guarantee.
     *
     * @param n the loop's length, at least 0
     * @param body the loop body
     * @throws RuntimeException or Error: the first a chunk threw, after every chunk has finished
     */
    public static void forRange(int n, Body body) {
        forRange(n, 1, body);
    }

    /**
     * {@link #forRange(int, Body)} for a loop whose indices each stand for {@code work} elements (a row of a
     * row-wise pass, a column of a column sum): chunks hold at least {@link #MIN_CHUNK} elements' work.
     *
     * @param n the loop's length, at least 0
     * @param work the elements' work per index, at least 1
     * @param body the loop body
     * @throws RuntimeException or Error: the first a chunk threw, after every chunk has finished
     */
    public static void forRange(int n, long work, Body body) {
        long minIndices = (MIN_CHUNK + work - 1) / Math.max(work, 1);
        Pool p = n >= 2 * minIndices && threads() > 1 ? pool() : null;
        if (p == null || !p.busy.compareAndSet(false, true)) {
            body.run(0, n);
            return;
        }
        try {
            int chunks = (int) Math.min(p.size * 4L, n / minIndices);
            Job job = new Job(body, n, chunks);
            p.job = job;
            for (Worker w : p.workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            job.runChunks();
            job.await();
            p.job = null;   // the pool must not keep the body's arrays alive
            job.rethrow();
        } finally {
            p.busy.set(false);
        }
    }

    /**
     * The number of threads a split loop uses, the caller included: the BLAS thread count in force.
     *
     * @return at least 1
     */
    public static int threads() {
        int t = threads;
        return t != 0 ? t : initThreads();
    }

    /**
     * Sets the number of threads split loops use (also set by {@link BlasBackend#setThreads}); idle workers of an
     * earlier count stop.
     *
     * @param n at least 1
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Parallel.setThreads: the thread count must be >= 1, got " + n);
        }
        synchronized (LOCK) {
            if (threads == n) {
                return;
            }
            Pool old = pool;
            pool = null;
            threads = n;
            if (old != null) {
                old.shutdown();
            }
        }
    }

    /** Whether worker threads of the current count exist (for tests: none before the first split loop). */
    static boolean started() {
        return pool != null;
    }

    private static int initThreads() {
        int t;
        try {
            t = BlasBackend.current() == BlasBackend.Library.JAVA ? -1 : BlasBackend.threads();
        } catch (RuntimeException | LinkageError e) {
            t = -1;   // no usable BLAS setting: the products will say why; the passes still run
        }
        if (t < 1) {
            t = Runtime.getRuntime().availableProcessors();
        }
        synchronized (LOCK) {
            if (threads == 0) {
                threads = t;
            }
            return threads;
        }
    }

    private static Pool pool() {
        Pool p = pool;
        if (p != null) {
            return p;
        }
        synchronized (LOCK) {
            if (pool == null && threads > 1) {
                pool = new Pool(threads);
            }
            return pool;
        }
    }

    /** One split loop: chunk {@code c} covers {@code [c * n / chunks, (c + 1) * n / chunks)}. */
    private static final class Job {
        final Body body;
        final int n;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Body body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = chunks;
        }

        void runChunks() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    body.run((int) ((long) c * n / chunks), (int) ((long) (c + 1) * n / chunks));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        /** Waits for chunks that workers claimed and still run (short: a chunk is microseconds of work). */
        void await() {
            for (int spins = 0; done.get() < chunks; spins++) {
                if (spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException("Parallel: a loop chunk failed", t);
            }
        }
    }

    /** The workers of one thread count: {@code size - 1} of them, the caller being the last. */
    private static final class Pool {
        final int size;
        final Worker[] workers;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile Job job;
        volatile boolean stopped;

        Pool(int size) {
            this.size = size;
            workers = new Worker[size - 1];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(this, i + 1);
                workers[i].start();
            }
        }

        void shutdown() {
            stopped = true;
            for (Worker w : workers) {
                LockSupport.unpark(w);
            }
        }
    }

    /** A daemon thread that runs the chunks of each new job, spinning briefly, then parking, between jobs. */
    private static final class Worker extends Thread {
        private final Pool pool;
        volatile boolean parked;

        Worker(Pool pool, int index) {
            super("autograd4j-parallel-" + index);
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job last = null;
            long idleSince = System.nanoTime();
            while (!pool.stopped) {
                Job j = pool.job;
                if (j != last) {
                    last = j;
                    if (j != null) {
                        j.runChunks();
                    }
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (pool.job == last && !pool.stopped) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
