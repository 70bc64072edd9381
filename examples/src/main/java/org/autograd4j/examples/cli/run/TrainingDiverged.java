package org.autograd4j.examples.cli.run;

import org.autograd4j.nn.train.TerminateOnNaN;

/**
 * A training run that diverged: its loss, a weight or its validation loss became NaN or infinite
 * ({@link TerminateOnNaN} stopped it). The run produced no usable model; the message says where it diverged.
 */
public final class TrainingDiverged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A divergence.
     *
     * @param message where and how training diverged, and what to try
     */
    public TrainingDiverged(String message) {
        super(message);
    }
}
