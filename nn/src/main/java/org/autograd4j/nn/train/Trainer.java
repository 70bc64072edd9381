package org.autograd4j.nn.train;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.CaptureException;
import org.autograd4j.core.CapturedStep;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.Batch;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.optim.GradClip;
import org.autograd4j.nn.optim.Optimizer;

/**
 * The training loop, as Keras's {@code fit}: for every epoch, one pass over the training loader in training mode
 * (forward, loss, backward, optional gradient clipping, optimizer step per batch), then one pass over the validation
 * loader in evaluation mode without recording gradients; then metrics, the learning-rate scheduler (unless it steps
 * per batch, after each optimizer step: {@link StepInterval}) and the callbacks, which also hear of every training
 * batch ({@link Callback#onBatchStart}, {@link Callback#onBatchEnd}).
 *
 * <ul>
 *   <li>{@code loss} is the mean of the batch losses weighted by batch size, i.e. the mean over the epoch's rows for
 *       a mean-reduced loss; training metrics are computed on the outputs produced while training (the weights change
 *       during the epoch), as Keras does.</li>
 *   <li>Callbacks see the logs after they are recorded in the {@link History}; if any returns true, training stops
 *       after that epoch and {@link History#stoppedEpoch()} says when. A callback may also stop training after any
 *       training batch ({@link Callback#onBatchEnd}, as {@link TerminateOnNaN} does when training diverges); that
 *       epoch is then left out of the history.</li>
 *   <li>Training passes record gradients even when {@code fit} is called inside {@link Autograd#noGrad()}.</li>
 *   <li>The model is left in the mode (train or eval) it had before; an exception from the model, the loss or a
 *       callback ends training and reaches the caller (callbacks' {@code onTrainEnd} is not called).</li>
 * </ul>
 *
 * <pre>{@code
 * History h = Trainer.fit(model, Losses.mse(), Sgd.builder(model.parameters()).lr(0.1).build(), train, null, 20);
 * h.get("loss");   // 20 values
 * }</pre>
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * Trains {@code model} for {@code epochs} epochs, silently unless a {@link ProgressLogger} is among the callbacks.
     *
     * @param model the model to train
     * @param loss the loss of a batch
     * @param optimizer the optimizer over the model's parameters
     * @param train the training rows
     * @param validation evaluated after every epoch as {@code val_loss}; null for none
     * @param epochs the number of epochs, at least 1
     * @param callbacks called after every epoch, in order
     * @return the history, one entry per epoch run
     * @throws IllegalArgumentException for a null argument, {@code epochs < 1}, or a loss that is not a scalar
     */
    public static History fit(Module model, Loss loss, Optimizer optimizer, DataLoader train, DataLoader validation,
            int epochs, Callback... callbacks) {
        return fit(FitConfig.builder(model, loss, optimizer, train).validation(validation).epochs(epochs)
                .callbacks(callbacks).build());
    }

    /**
     * Trains as configured.
     *
     * @param c the configuration
     * @return the history, one entry per epoch run
     * @throws IllegalArgumentException if the loss is not a scalar, or a monitored metric is missing from the logs
     */
    public static History fit(FitConfig c) {
        boolean wasTraining = c.model.isTraining();
        History history = new History();
        Steps steps = new Steps(c);
        try {
            for (Callback cb : c.callbacks) {
                cb.onTrainBegin(c.model, c.epochs);
            }
            for (int epoch = 1; epoch <= c.epochs; epoch++) {
                long start = System.nanoTime();
                EpochPass train = trainEpoch(c, epoch, steps, history);
                if (train == null) {
                    history.stop(epoch);
                    break;
                }
                EpochPass val = c.validation == null ? null : evaluate(c, c.validation);
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("loss", train.loss());
                if (val != null) {
                    values.put("val_loss", val.loss());
                }
                if (!c.metrics.isEmpty()) {
                    addMetrics(c, train, val, values);
                }
                EpochLogs logs = new EpochLogs(values, (System.nanoTime() - start) / 1e9);
                history.append(logs);
                if (c.scheduler != null && c.schedulerInterval == StepInterval.EPOCH) {
                    String monitor = c.schedulerMonitor != null ? c.schedulerMonitor
                            : val != null ? "val_loss" : "loss";
                    c.scheduler.step(logs.get(monitor));
                }
                boolean stop = false;
                for (Callback cb : c.callbacks) {
                    stop |= cb.onEpochEnd(epoch, logs);
                }
                if (stop) {
                    history.stop(epoch);
                    break;
                }
            }
            for (Callback cb : c.callbacks) {
                cb.onTrainEnd(history);
            }
        } finally {
            if (wasTraining) {
                c.model.train();
            } else {
                c.model.eval();
            }
        }
        return history;
    }

    @SuppressWarnings("try")
    /** One pass over the training loader; null when a callback stopped training after a batch. */
    private static EpochPass trainEpoch(FitConfig c, int epoch, Steps steps, History history) {
        c.model.train();
        EpochPass pass = new EpochPass(!c.metrics.isEmpty());
        int batch = 0;
        try (Autograd.Scope scope = Autograd.enableGrad()) {
            for (Batch b : c.train) {
                batch++;
                for (Callback cb : c.callbacks) {
                    cb.onBatchStart(epoch, batch);
                }
                c.optimizer.zeroGrad();
                Tensor[] outAndLoss = steps.run(b, history);
                Tensor out = outAndLoss[0];
                Tensor loss = outAndLoss[1];
                if (c.clipGradNorm.isPresent()) {
                    GradClip.clipGradNorm(c.optimizer.parameters(), c.clipGradNorm.getAsDouble());
                }
                c.optimizer.step();
                if (c.scheduler != null && c.schedulerInterval == StepInterval.BATCH) {
                    c.scheduler.step();
                }
                double value = loss.item();
                boolean stop = false;
                for (Callback cb : c.callbacks) {
                    stop |= cb.onBatchEnd(epoch, batch, value);
                }
                if (stop) {
                    return null;
                }
                pass.add(value, out, b.y());
            }
        }
        return pass;
    }

    /**
     * The training step, forward to backward: eager, or captured on its first batch and replayed after
     * ({@link FitConfig.Builder#capture}); a refused capture falls back to eager for the rest of the fit.
     */
    private static final class Steps {
        private final FitConfig c;
        private CapturedStep captured;
        /** The model's output buffer of each captured program, by the loss buffer its run returns. */
        private final Map<Tensor, Tensor> outputs = new IdentityHashMap<>();

        Steps(FitConfig c) {
            this.c = c;
            if (c.capture) {
                captured = Autograd.capture(in -> {
                    Tensor out = c.model.apply(in[0]);
                    Tensor loss = lossOf(c, out, in[1]);
                    loss.backward();
                    outputs.put(loss, out);
                    return loss;
                });
            }
        }

        /** Runs the step on {@code b}: the model's output and the loss, gradients accumulated in the parameters. */
        Tensor[] run(Batch b, History history) {
            if (captured != null) {
                try {
                    Tensor loss = captured.run(b.x(), b.y());
                    history.markCaptured();
                    return new Tensor[] {outputs.get(loss), loss};
                } catch (CaptureException e) {
                    history.captureRefused(e.getMessage());
                    captured = null;
                }
            }
            Tensor out = c.model.apply(b.x());
            Tensor loss = lossOf(c, out, b.y());
            loss.backward();
            return new Tensor[] {out, loss};
        }
    }

    @SuppressWarnings("try")
    private static EpochPass evaluate(FitConfig c, DataLoader loader) {
        c.model.eval();
        EpochPass pass = new EpochPass(!c.metrics.isEmpty());
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (Batch b : loader) {
                Tensor out = c.model.apply(b.x());
                pass.add(lossOf(c, out, b.y()).item(), out, b.y());
            }
        }
        return pass;
    }

    private static Tensor lossOf(FitConfig c, Tensor out, Tensor y) {
        Tensor loss = c.loss.compute(out, y);
        if (loss == null || loss.size() != 1) {
            throw new IllegalArgumentException("Trainer.fit: the loss returned "
                    + (loss == null ? "null" : "shape " + Arrays.toString(loss.shape()))
                    + "; it must return a scalar (reduce with a mean or a sum)");
        }
        return loss;
    }

    private static void addMetrics(FitConfig c, EpochPass train, EpochPass val, Map<String, Double> values) {
        Tensor trainOut = train.outputs();
        Tensor trainTarget = train.targets();
        Tensor valOut = val == null ? null : val.outputs();
        Tensor valTarget = val == null ? null : val.targets();
        for (Metric m : c.metrics) {
            values.put(m.name(), m.compute(trainOut, trainTarget));
            if (val != null) {
                values.put("val_" + m.name(), m.compute(valOut, valTarget));
            }
        }
    }
}
