package org.autograd4j.core;

/**
 * How many times a storage array was (possibly) written after it was created: one counter per storage, shared by every
 * tensor over that storage (a reshape, a {@code detach()} and the other views take their source's counter).
 *
 * <p>Note "version counters": an op records the version of each tensor it saves for backward (its inputs, and its
 * output where the backward reads it) when it is recorded; the backward walk compares them with the current versions
 * before it runs the op's backward, and refuses (as PyTorch does) when a saved tensor was written in between, instead
 * of computing a gradient from the new values. The engine never writes into a tensor it has handed out, so the only
 * writes are the caller's: {@link Tensor#array()} and {@link Tensor#floatArray()} count as one (the library cannot see
 * writes through a handed-out array, so handing it out is the write), and so does every in-place path built on them
 * (optimizer steps, loading a state dict). The engine's own reads use the fields directly, and read-only callers
 * outside the package use {@link Tensor#readArray()} / {@link Tensor#readFloatArray()}, which do not count.
 *
 * <p>The cost is one small object per fresh storage, one int per saved tensor in each {@link Node}, and one compare
 * per saved tensor in backward. Not synchronized: like the rest of a tensor, a counter belongs to one thread at a time
 * (a write racing with a backward on another thread is a data race on the values anyway).
 */
final class VersionCounter {
    /** The current version: 0 for a storage never written after creation. */
    int value;

    /** Records one (possible) write. */
    void bump() {
        value++;
    }
}
