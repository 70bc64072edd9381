package org.autograd4j.benchmarks;

/** One training step of a {@link Workload}: forward, loss, backward, parameter update. */
public interface Trainer {
    /**
     * Runs one step on {@code batch}.
     *
     * @return the loss before the update
     */
    double step(Data.Batch batch);

    /** Which implementation runs the step, for the reports (e.g. "core ops + manual SGD"). */
    String describe();

    /**
     * The trainer for {@code w}: {@code "nn"} ({@link NnTrainer}, what users write), {@code "captured"} (the same step
     * captured once and replayed: {@code Autograd.capture}) or {@code "core"}
     * ({@link CoreTrainer}: core ops and hand-written optimizer loops, the engine without nn's layers).
     *
     * @throws IllegalArgumentException for another name
     */
    static Trainer create(Workload w, String kind) {
        return switch (kind) {
            case "nn" -> new NnTrainer(w);
            case "captured" -> new NnTrainer(w, true);
            case "core" -> new CoreTrainer(w);
            default -> throw new IllegalArgumentException("TRAINER must be nn, captured or core, got '" + kind + "'");
        };
    }

    /** The trainer named by the {@code TRAINER} environment variable, {@code nn} by default. */
    static Trainer create(Workload w) {
        return create(w, System.getenv().getOrDefault("TRAINER", "nn").trim());
    }
}
