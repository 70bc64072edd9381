package org.autograd4j.core;

/**
 * Thrown when a step cannot be captured for replay (see {@link CapturedStep}): an op with no recorded kernel, values
 * read or written from Java inside the step, a value computed outside the recorded program. The message names the op or
 * the place. Nothing is replayed after it: callers such as nn's trainer catch it and run the step eagerly instead.
 */
public final class CaptureException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal with its reason.
     *
     * @param message what could not be captured, and where
     */
    public CaptureException(String message) {
        super("capture: " + message);
    }
}
