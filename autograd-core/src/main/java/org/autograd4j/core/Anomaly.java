package org.autograd4j.core;

import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Anomaly mode's work (see {@link Autograd#detectAnomaly()}): the creation site of each op recorded in the mode, the
 * NaN/infinity checks, and the messages. Nothing here runs when the mode is off: {@link Node#attach} and the backward
 * walk ask {@link GradMode#anomaly()} first.
 */
final class Anomaly {
    /** How many frames of the caller's code a message shows. */
    private static final int FRAMES = 4;
    private static final CodeSource CORE = Tensor.class.getProtectionDomain().getCodeSource();

    private Anomaly() {
    }

    /** The first frames outside the engine's core classes: where the caller created the op. */
    static List<StackTraceElement> creationSite() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .dropWhile(Anomaly::inCore).limit(FRAMES).map(StackWalker.StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
    }

    /** A frame of the main code of this package (the tests of the package are callers like any other). */
    private static boolean inCore(StackWalker.StackFrame frame) {
        Class<?> c = frame.getDeclaringClass();
        if (c.getPackage() != Tensor.class.getPackage()) {
            return false;
        }
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return CORE == null || source == null || CORE.getLocation().equals(source.getLocation());
    }

    /** Whether any value is NaN or infinite. */
    static boolean nonFinite(Tensor t) {
        if (t.fdata != null) {
            for (float v : t.fdata) {
                if (!Float.isFinite(v)) {
                    return true;
                }
            }
            return false;
        }
        for (double v : t.data) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * In backward: the gradients {@code node} returned, checked; throws for the first input whose one is not finite.
     */
    static void checkGradients(Node node, Tensor[] grads) {
        for (int j = 0; j < grads.length; j++) {
            if (grads[j] != null && node.inputs[j].requiresGrad && nonFinite(grads[j])) {
                throw new AnomalyException("backward: " + node.name() + " returned " + kind(grads[j])
                        + " in its gradient for input " + j + " of " + describe(node), node.name(), node.site);
            }
        }
    }

    /** In forward, with checkNaN: the result of {@code node}, checked. */
    static void checkForward(Node node) {
        if (nonFinite(node.out)) {
            boolean inputsFinite = true;
            for (Tensor x : node.inputs) {
                inputsFinite &= !nonFinite(x);
            }
            String inputs = inputsFinite ? " from finite inputs" : " (an input already had one)";
            throw new AnomalyException(opName(node) + ": produced " + kind(node.out) + " in its result of shape "
                    + Shapes.str(node.out.shape) + inputs
                    + " (grad_fn " + node.name() + ", inputs " + shapes(node) + ")" + site(node.site), node.name(),
                    node.site);
        }
    }

    private static String describe(Node node) {
        return opName(node) + " (inputs " + shapes(node) + ")" + site(node.site);
    }

    /** The op's name as the user called it: the class name in lower camel case ("LogSoftmax" is "logSoftmax"). */
    static String opName(Node node) {
        String s = node.getClass().getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String shapes(Node node) {
        StringBuilder b = new StringBuilder();
        for (Tensor x : node.inputs) {
            b.append(b.length() == 0 ? "" : ", ").append(Shapes.str(x.shape)).append(' ').append(x.dtype);
        }
        return b.toString();
    }

    private static String kind(Tensor t) {
        for (int i = 0; i < t.length(); i++) {
            if (Double.isNaN(t.at(i))) {
                return "NaN";
            }
        }
        return "an infinite value";
    }

    private static String site(List<StackTraceElement> site) {
        if (site == null || site.isEmpty()) {
            return "; it was recorded outside anomaly mode, so its creation site is unknown";
        }
        return "; created at " + site.stream().map(StackTraceElement::toString)
                .collect(Collectors.joining(" <- "));
    }
}
