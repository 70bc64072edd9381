package org.autograd4j.benchmarks;

/**
 * The three fixed training workloads of issue 5, float32, data from a fixed seed. {@code steps} are timed after
 * {@code warmupSteps} untimed ones.
 */
public enum Workload {
    /** 2 → 8 (sigmoid) → 2, softmax cross-entropy, full batch of 100 XOR-cluster points, SGD lr 0.1: overhead-bound. */
    TINY("tiny", new int[] {2, 8, 2}, Activation.SIGMOID, 100, false, 0.1, 2000, 0),
    /** 784 → 256 (ReLU) → 128 (ReLU) → 10, batch 128, SGD lr 0.1, 300 steps after 20 warm-up steps: GEMM-bound. */
    MLP_MNIST_SHAPE("mlp-mnist-shape", new int[] {784, 256, 128, 10}, Activation.RELU, 128, false, 0.1, 300, 20),
    /** 30 → 64 (ReLU) → 32 (ReLU) → 2, batch 32, Adam lr 1e-3, 2,000 steps: realistic, with Adam. */
    WDBC_SHAPE("wdbc-shape", new int[] {30, 64, 32, 2}, Activation.RELU, 32, true, 1e-3, 2000, 0);

    /** The hidden layers' activation. */
    public enum Activation { SIGMOID, RELU, TANH }

    /** The seed every workload's data and initial weights come from. */
    public static final long SEED = 5;

    /** The name used on RESULT lines and in the {@code WORKLOAD} environment variable. */
    public final String label;
    /** Layer widths, input first. */
    public final int[] sizes;
    /** Activation after every layer but the last. */
    public final Activation activation;
    /** Rows per step. */
    public final int batch;
    /** Adam when true, plain SGD otherwise. */
    public final boolean adam;
    /** Learning rate. */
    public final double lr;
    /** Timed steps. */
    public final int steps;
    /** Untimed steps before them. */
    public final int warmupSteps;

    Workload(String label, int[] sizes, Activation activation, int batch, boolean adam, double lr, int steps,
            int warmupSteps) {
        this.label = label;
        this.sizes = sizes;
        this.activation = activation;
        this.batch = batch;
        this.adam = adam;
        this.lr = lr;
        this.steps = steps;
        this.warmupSteps = warmupSteps;
    }

    /** The workload's batches: one (the full batch) for tiny, a pool used in turn for the others. */
    public Data.Batch[] data() {
        return switch (this) {
            case TINY -> new Data.Batch[] {Data.xorClusters(batch, SEED)};
            case MLP_MNIST_SHAPE -> Data.pool(8, batch, 784, 10, true, SEED);
            case WDBC_SHAPE -> Data.pool(17, batch, 30, 2, false, SEED);
        };
    }

    /** Number of scalar parameters (weights and biases). */
    public long parameterCount() {
        long p = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            p += (long) sizes[i] * sizes[i + 1] + sizes[i + 1];
        }
        return p;
    }

    /**
     * The workload with this label.
     *
     * @throws IllegalArgumentException naming the valid labels
     */
    public static Workload of(String label) {
        for (Workload w : values()) {
            if (w.label.equals(label)) {
                return w;
            }
        }
        throw new IllegalArgumentException("WORKLOAD must be one of tiny, mlp-mnist-shape, wdbc-shape, all; got '"
                + label + "'");
    }
}
