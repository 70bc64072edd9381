package org.autograd4j.nn;

import java.util.OptionalLong;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * One global seed for everything in {@code nn} that is random and was given no seed of its own, as PyTorch's
 * {@code torch.manual_seed}: weight initialisation ({@link Linear}'s and {@link Mlp}'s unseeded constructors), dropout
 * masks ({@link Dropout} without a generator) and the shuffling of a {@link org.autograd4j.nn.data.DataLoader}
 * without {@code seed(...)}. After {@code Seeds.set(42)} a program that builds the same components in the same order
 * gets the same numbers on every run; an explicit seed or generator still wins over the global one.
 *
 * <pre>{@code
 * Seeds.set(42);
 * Module model = new Sequential(new Linear(4, 16), new ReLU(), new Dropout(0.2), new Linear(16, 3));
 * DataLoader train = DataLoader.builder(data).batchSize(32).shuffle(true).build();   // shuffled from the seed too
 * }</pre>
 *
 * <p>Each component draws its own generator from the global stream when it is built, so the numbers depend on the
 * order in which components are built, not on when they are used. Without {@link #set}, unseeded components stay
 * unseeded (different on every run) and loaders shuffle from seed 0, as before. Thread-safe; the seed is global to
 * the JVM, as PyTorch's is to the process.
 */
public final class Seeds {
    private static SplittableRandom stream;
    private static OptionalLong seed = OptionalLong.empty();

    private Seeds() {
    }

    /**
     * Seeds every unseeded component built from now on.
     *
     * @param seed any value; the same seed gives the same sequence of generators
     */
    public static synchronized void set(long seed) {
        Seeds.seed = OptionalLong.of(seed);
        Seeds.stream = new SplittableRandom(seed);
    }

    /** Forgets the global seed: unseeded components become unseeded again. */
    public static synchronized void clear() {
        seed = OptionalLong.empty();
        stream = null;
    }

    /**
     * The seed last {@link #set}, or empty.
     *
     * @return the seed, or empty when none is set
     */
    public static synchronized OptionalLong current() {
        return seed;
    }

    /**
     * A generator for a component given no seed: the next one from the global stream after {@link #set}, else an
     * unseeded one.
     *
     * @return a new generator
     */
    public static synchronized Random newRandom() {
        return stream == null ? new Random() : new Random(stream.nextLong());
    }

    /**
     * A seed for a component given none: the next value of the global stream after {@link #set}, else
     * {@code fallback}.
     *
     * @param fallback the seed used when no global seed is set
     * @return the seed
     */
    public static synchronized long nextSeed(long fallback) {
        return stream == null ? fallback : stream.nextLong();
    }
}
