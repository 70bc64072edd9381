package org.autograd4j.nn.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Seeds;

/**
 * Serves a {@link Dataset} in mini-batches, one epoch per {@link #iterator()} call.
 *
 * <p>Every epoch visits each row exactly once (with {@code dropLast}, the last {@code n % batchSize} rows of that
 * epoch's order are left out). With {@code shuffle}, epoch {@code e} (counted from 0) uses a permutation drawn from
 * {@code seed} and {@code e}: the order changes every epoch, and two loaders with the same seed produce the same
 * sequence of epochs. {@link #setEpoch(int)} rewinds or skips, e.g. to resume a run.
 *
 * <p><b>Note (dtype).</b> Batches are FLOAT32 by default: matrix products of FLOAT32 tensors run in single precision,
 * which is faster, and matches models whose parameters are FLOAT32. Choose FLOAT64 for models in double precision
 * (mixing the two promotes to FLOAT64) or for numerical checks. INT64 labels (class indices) stay INT64, as a
 * PyTorch loader keeps int64 targets. The dataset is converted once, when the loader is built; each batch is one
 * row-gather ({@link Tensor#index(long[])}).
 *
 * <pre>{@code
 * DataLoader train = DataLoader.builder(split.train()).batchSize(32).shuffle(true).seed(42).build();
 * for (Batch b : train) {          // one epoch
 *     Tensor loss = Losses.mse(model.forward(b.x()), b.y());
 * }
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final Tensor x;
    private final Tensor y;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private int epoch;

    private DataLoader(Builder b) {
        if (b.batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batchSize must be >= 1, got " + b.batchSize);
        }
        if (b.dtype == null) {
            throw new IllegalArgumentException("DataLoader: dtype must not be null");
        }
        if (b.dropLast && b.batchSize > b.dataset.size()) {
            throw new IllegalArgumentException("DataLoader: with dropLast, batchSize " + b.batchSize
                    + " is larger than the dataset's " + b.dataset.size() + " rows, which leaves no batch");
        }
        this.dataset = b.dataset;
        this.x = b.dataset.features().to(b.dtype);
        Tensor labels = b.dataset.labels();
        this.y = labels.dtype() == DType.INT64 ? labels : labels.to(b.dtype);
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        // only a shuffling loader draws from the global stream, so plain loaders do not shift other components' seeds
        this.seed = b.seed.isPresent() ? b.seed.getAsLong() : b.shuffle ? Seeds.nextSeed(0) : 0;
        this.dropLast = b.dropLast;
    }

    /**
     * A loader in dataset order (no shuffling), keeping the last partial batch, FLOAT32.
     *
     * @param dataset the rows to serve
     * @param batchSize rows per batch, at least 1
     * @return a new loader
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public static DataLoader of(Dataset dataset, int batchSize) {
        return builder(dataset).batchSize(batchSize).build();
    }

    /**
     * Options for a loader over {@code dataset}; defaults: batch size 32, no shuffle, seed 0 (or drawn from the global
     * {@link Seeds} when one is set), keep last, FLOAT32.
     *
     * @param dataset the rows to serve
     * @return a new builder
     */
    public static Builder builder(Dataset dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("DataLoader: dataset must not be null");
        }
        return new Builder(dataset);
    }

    /** Loader options, validated by {@link #build()}. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 32;
        private boolean shuffle;
        private OptionalLong seed = OptionalLong.empty();
        private boolean dropLast;
        private DType dtype = DType.FLOAT32;

        private Builder(Dataset dataset) {
            this.dataset = dataset;
        }

        /**
         * Rows per batch, {@code >= 1} (default 32).
         *
         * @param batchSize rows per batch, at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Whether to visit the rows in a new random order every epoch (default false).
         *
         * @param shuffle whether to shuffle every epoch
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * The seed of the shuffling (default: the next seed of the global {@link Seeds} if one is set, else 0).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = OptionalLong.of(seed);
            return this;
        }

        /**
         * Whether to leave out a last batch smaller than {@code batchSize} (default false).
         *
         * @param dropLast whether to drop a last partial batch
         * @return this builder
         */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * The dtype of the batches (default FLOAT32; see the class note).
         *
         * @param dtype the element type, not null
         * @return this builder
         */
        public Builder dtype(DType dtype) {
            this.dtype = dtype;
            return this;
        }

        /**
         * The loader.
         *
         * @return a new loader, at epoch 0
         * @throws IllegalArgumentException if {@code batchSize < 1}, or {@code dropLast} leaves no batch
         */
        public DataLoader build() {
            return new DataLoader(this);
        }
    }

    /**
     * The dataset served (in its own dtype).
     *
     * @return the dataset given to the builder
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * Rows per batch.
     *
     * @return rows per batch, at least 1
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The number of rows served per epoch: {@code n}, or {@code n - n % batchSize} with dropLast.
     *
     * @return the row count, at least 0
     */
    public int rowsPerEpoch() {
        return dropLast ? numBatches() * batchSize : dataset.size();
    }

    /**
     * Batches per epoch: {@code ceil(n / batchSize)}, or {@code floor(n / batchSize)} with dropLast.
     *
     * @return the batch count, at least 0
     */
    public int numBatches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The dtype of the batches.
     *
     * @return the element type
     */
    public DType dtype() {
        return x.dtype();
    }

    /**
     * The number of epochs started so far: the index of the epoch the next {@link #iterator()} serves.
     *
     * @return the epoch index, from 0
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Sets the index of the epoch the next {@link #iterator()} serves (its shuffled order depends on it).
     *
     * @param epoch the epoch index, at least 0
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    public void setEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("DataLoader.setEpoch: epoch must be >= 0, got " + epoch);
        }
        this.epoch = epoch;
    }

    /** Starts the next epoch: its batches, in order. Not thread-safe; one loader serves one training loop. */
    @Override
    public Iterator<Batch> iterator() {
        int[] order = order(epoch++);
        int count = numBatches();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (next >= count) {
                    throw new NoSuchElementException("DataLoader: the epoch has no batch left (" + count + " served)");
                }
                int from = next++ * batchSize;
                long[] rows = new long[Math.min(batchSize, order.length - from)];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = order[from + i];
                }
                return new Batch(x.index(rows), y.index(rows));
            }
        };
    }

    /** The row order of epoch {@code e}: identity without shuffling, else a Fisher-Yates permutation. */
    int[] order(int e) {
        int n = dataset.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random rng = new Random(mix(seed + 0x9E3779B97F4A7C15L * (e + 1)));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** SplitMix64's finaliser, so that nearby (seed, epoch) pairs give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
