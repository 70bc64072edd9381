package org.autograd4j.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;

/**
 * Saves the model after an epoch that improves a monitored metric (or after every epoch), as Keras's
 * {@code ModelCheckpoint}. What "saving" means is given as a {@link Saver}, so this class does not depend on a file
 * format:
 *
 * <pre>{@code
 * ModelCheckpoint best = new ModelCheckpoint(Path.of("best.ag4j"), path -> ModelIO.save(path, model, optimizer));
 * ModelCheckpoint withSchedule = new ModelCheckpoint(Path.of("best.ag4j"), Saver.modelFile(model, optimizer, sched));
 * ModelCheckpoint each = ModelCheckpoint.builder(Path.of("ckpt-{epoch}.ag4j"), saver).saveBestOnly(false).build();
 * }</pre>
 *
 * <p>{@code {epoch}} in the path is replaced by the epoch number (from 1). Improvement follows {@link EarlyStopping}'s
 * rule (better than the best by more than {@code minDelta}; NaN and infinities never improve), and an epoch whose
 * model holds a NaN or infinite weight is never the best one, so {@code saveBestOnly} never overwrites a good file with
 * a diverged model.
 */
public final class ModelCheckpoint implements Callback {
    /** Writes the model (and whatever else the caller wants) to a path. */
    @FunctionalInterface
    public interface Saver {
        /**
         * Saves to {@code path}.
         *
         * @param path the file to write
         * @throws IOException if writing fails; it reaches the caller of {@code fit} as an {@link UncheckedIOException}
         */
        void save(Path path) throws IOException;

        /**
         * A saver that writes a model file with {@link ModelIO}: the model, the optimizer's state and, when a
         * scheduler is given, its state, so that a run resumed from the file continues both the optimizer and the
         * learning-rate schedule ({@link org.autograd4j.nn.io.Checkpoint}).
         *
         * <pre>{@code
         * ModelCheckpoint.builder(Path.of("ckpt-{epoch}.ag4j"), Saver.modelFile(model, opt, sched))
         *         .saveBestOnly(false).build();
         * }</pre>
         *
         * @param model     the model to save
         * @param optimizer null, or the optimizer whose state to save
         * @param scheduler null, or the scheduler whose state to save
         * @return the saver
         * @throws IllegalArgumentException if the model is null
         */
        static Saver modelFile(Module model, Optimizer optimizer, LrScheduler scheduler) {
            if (model == null) {
                throw new IllegalArgumentException("ModelCheckpoint.Saver.modelFile: model must not be null");
            }
            return path -> ModelIO.save(path, model, optimizer, scheduler, Map.of());
        }
    }

    private final Path path;
    private final Saver saver;
    private final Monitor monitor;
    private final boolean saveBestOnly;
    private final List<Integer> savedEpochs = new ArrayList<>();
    private Module model;

    private ModelCheckpoint(Builder b) {
        if (b.path == null || b.saver == null) {
            throw new IllegalArgumentException("ModelCheckpoint: path and saver must not be null");
        }
        this.path = b.path;
        this.saver = b.saver;
        this.monitor = new Monitor("ModelCheckpoint", b.monitor, b.mode, b.minDelta);
        this.saveBestOnly = b.saveBestOnly;
    }

    /**
     * Saves to {@code path} whenever {@code val_loss} reaches a new minimum.
     *
     * @param path the file to write; {@code {epoch}} in it is replaced by the epoch number
     * @param saver writes the model to a path
     */
    public ModelCheckpoint(Path path, Saver saver) {
        this(builder(path, saver));
    }

    /**
     * Options; defaults: monitor {@code val_loss}, mode AUTO, minDelta 0, save the best only.
     *
     * @param path the file to write; {@code {epoch}} in it is replaced by the epoch number
     * @param saver writes the model to a path
     * @return a new builder
     */
    public static Builder builder(Path path, Saver saver) {
        return new Builder(path, saver);
    }

    /** ModelCheckpoint options, validated by {@link #build()}. */
    public static final class Builder {
        private final Path path;
        private final Saver saver;
        private String monitor = "val_loss";
        private MonitorMode mode = MonitorMode.AUTO;
        private double minDelta;
        private boolean saveBestOnly = true;

        private Builder(Path path, Saver saver) {
            this.path = path;
            this.saver = saver;
        }

        /**
         * The metric to watch (default {@code val_loss}).
         *
         * @param monitor a name the epoch logs will have, e.g. {@code val_loss}
         * @return this builder
         */
        public Builder monitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * Whether lower or higher is better (default AUTO: from the name).
         *
         * @param mode whether lower or higher is better
         * @return this builder
         */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * The smallest change that counts as an improvement, {@code >= 0}.
         *
         * @param minDelta the change, at least 0
         * @return this builder
         */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * Whether to save only on improvement (default true) or after every epoch.
         *
         * @param saveBestOnly whether to save only on improvement
         * @return this builder
         */
        public Builder saveBestOnly(boolean saveBestOnly) {
            this.saveBestOnly = saveBestOnly;
            return this;
        }

        /**
         * The callback.
         *
         * @return a new callback
         * @throws IllegalArgumentException if the path or saver is null, the monitor name empty, or minDelta invalid
         */
        public ModelCheckpoint build() {
            return new ModelCheckpoint(this);
        }
    }

    @Override
    public void onTrainBegin(Module model, int epochs) {
        this.model = model;
        monitor.reset();
        savedEpochs.clear();
    }

    /**
     * Saves if the epoch improved the monitored metric (or always, without {@code saveBestOnly}).
     *
     * @throws IllegalArgumentException if the monitored metric is not in the logs
     * @throws UncheckedIOException     if the saver fails, naming the path
     */
    @Override
    public boolean onEpochEnd(int epoch, EpochLogs logs) {
        boolean improved = false;
        if (saveBestOnly || logs.has(monitor.name)) {
            double v = monitor.value("ModelCheckpoint", logs);
            // An epoch whose weights hold a NaN or an infinity is never the best one, whatever its metric says.
            improved = monitor.improves(v) && (model == null || Monitor.finite(model.parameters()));
            if (improved) {
                monitor.accept(v, epoch);
            }
        }
        if (improved || !saveBestOnly) {
            Path target = pathFor(epoch);
            try {
                saver.save(target);
            } catch (IOException e) {
                throw new UncheckedIOException("ModelCheckpoint: saving epoch " + epoch + " to " + target
                        + " failed: " + e.getMessage(), e);
            }
            savedEpochs.add(epoch);
        }
        return false;
    }

    /**
     * The path for an epoch: {@code {epoch}} replaced by its number.
     *
     * @param epoch the epoch, from 1
     * @return the path
     */
    public Path pathFor(int epoch) {
        String p = path.toString();
        return p.contains("{epoch}") ? Path.of(p.replace("{epoch}", Integer.toString(epoch))) : path;
    }

    /**
     * The epochs (from 1) after which the model was saved, in order.
     *
     * @return the epochs, unmodifiable
     */
    public List<Integer> savedEpochs() {
        return List.copyOf(savedEpochs);
    }

    /**
     * The epoch (from 1) with the best monitored value so far; 0 before any.
     *
     * @return the epoch, or 0
     */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    /**
     * The best monitored value so far; NaN before any.
     *
     * @return the value, or NaN
     */
    public double best() {
        return monitor.best();
    }
}
