package org.autograd4j.nn.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.OptimizerState;
import org.autograd4j.nn.optim.SchedulerState;

/**
 * What {@link ModelIO#load} returns: the rebuilt model with its saved weights (in training mode, as a new module
 * is), the optimizer's state if one was saved, and the metadata.
 *
 * <pre>{@code
 * Checkpoint c = ModelIO.load(path);
 * Optimizer opt = Adam.builder(c.model().parameters()).build();
 * LrScheduler sched = new OneCycleLr(opt, 0.1, 1000);                 // built as in the first run
 * if (c.optimizerState() != null) opt.loadState(c.optimizerState());   // resume exactly
 * if (c.schedulerState() != null) sched.loadState(c.schedulerState());
 * }</pre>
 *
 * @param model          the model, equal to the saved one (buffers included)
 * @param optimizerState the saved optimizer state, or null if none was saved
 * @param schedulerState the saved learning-rate scheduler state, or null if none was saved (always for files of
 *                       format version 1)
 * @param metadata       the saved key-value pairs (unmodifiable; empty if none)
 */
public record Checkpoint(Module model, OptimizerState optimizerState, SchedulerState schedulerState,
        Map<String, String> metadata) {
    /**
     * Copies the metadata into an unmodifiable map that keeps its order.
     *
     * @param model the model, equal to the saved one (buffers included)
     * @param optimizerState the saved optimizer state, or null
     * @param schedulerState the saved scheduler state, or null
     * @param metadata the saved key-value pairs; copied
     */
    public Checkpoint {
        if (model == null) {
            throw new IllegalArgumentException("Checkpoint: model must not be null");
        }
        metadata = Collections.unmodifiableMap(metadata == null ? Map.of() : new LinkedHashMap<>(metadata));
    }

    /**
     * A checkpoint without scheduler state.
     *
     * @param model the model
     * @param optimizerState the optimizer state, or null
     * @param metadata the key-value pairs; copied
     */
    public Checkpoint(Module model, OptimizerState optimizerState, Map<String, String> metadata) {
        this(model, optimizerState, null, metadata);
    }
}
