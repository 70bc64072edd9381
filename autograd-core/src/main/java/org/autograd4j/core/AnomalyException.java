package org.autograd4j.core;

import java.util.List;

/**
 * Thrown in anomaly mode ({@link Autograd#detectAnomaly()}) by the first op whose gradient (or, with
 * {@code checkNaN}, whose forward result) holds a NaN or an infinity. The message names the op, its {@code grad_fn},
 * its inputs' shapes and where in the caller's code the op was created.
 */
public final class AnomalyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The op's backward name, as {@link #gradFn()} returns it; part of the serialized form. */
    private final String gradFn;
    private final transient List<StackTraceElement> creationSite;

    AnomalyException(String message, String gradFn, List<StackTraceElement> creationSite) {
        super(message);
        this.gradFn = gradFn;
        this.creationSite = creationSite;
    }

    /**
     * The name of the op's backward, as {@link Tensor#gradFn()} shows it.
     *
     * @return e.g. {@code "LogBackward"}
     */
    public String gradFn() {
        return gradFn;
    }

    /**
     * Where the op was created: the first stack frames outside the engine's core (the caller's code, or an nn layer
     * and then the caller's code), innermost first.
     *
     * @return the frames; empty if the op was recorded outside anomaly mode
     */
    public List<StackTraceElement> creationSite() {
        return creationSite == null ? List.of() : creationSite;
    }
}
