package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Version counters (see {@link VersionCounter}): a write through {@link Tensor#array()} or {@link Tensor#floatArray()}
 * after an op saved the tensor makes the backward fail, as PyTorch's, instead of using the new values. Each variant
 * below gave a silently wrong gradient before.
 */
class VersionCounterTest {
    private static final String MODIFIED = "backward: one of the variables needed for gradient computation has been"
            + " modified by an inplace operation: ";

    @Test
    void writingALeafAfterRecordingFailsTheBackward() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        x.array()[0] = 10;
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals(MODIFIED + "input 0 of MulBackward (shape [3], FLOAT64) is at version 1; expected version 0"
                + " instead. It was written (array(), floatArray(), an optimizer step) after the op saved it;"
                + " compute the result again after the write, or write into a copy", e.getMessage());
    }

    @Test
    void writingAnOpOutputThatAnotherOpSavedFails() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor h = x.mul(2);
        Tensor w = Tensor.of(new double[] {4, 5, 6}).requiresGrad(true);
        Tensor y = h.mul(w).sum();
        h.array()[1] = 0;
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals(true, e.getMessage().startsWith(MODIFIED + "input 0 of MulBackward (shape [3], FLOAT64) is at"
                + " version 1; expected version 0 instead."), e.getMessage());
    }

    @Test
    void writingTheOutputAnOpSavedFailsNamingTheOutput() {
        Tensor x = Tensor.of(new double[] {0.5, 1}).requiresGrad(true);
        Tensor y = x.exp();
        y.array()[0] = 0;
        Tensor loss = y.sum();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals(true, e.getMessage().startsWith(MODIFIED + "output of ExpBackward (shape [2], FLOAT64) is at"
                + " version 1; expected version 0 instead."), e.getMessage());
    }

    @Test
    void writingThroughAReshapeViewFails() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}).requiresGrad(true);
        Tensor y = x.sin().sum();
        Tensor view = x.reshape(2, 2);
        view.array()[3] = 0;
        assertEquals(1, x.version());
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals(true, e.getMessage().contains("input 0 of SinBackward (shape [4], FLOAT64) is at version 1;"
                + " expected version 0 instead."), e.getMessage());
    }

    @Test
    void writingThroughADetachedViewFails() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.pow(3).sum();
        x.detach().array()[0] = 7;
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void writingAFloat32TensorFails() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor w = Tensor.of(new float[] {3, 4}).requiresGrad(true);
        Tensor y = x.mul(w).sum();
        w.floatArray()[0] = 0;
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertEquals(true, e.getMessage().contains("input 1 of MulBackward (shape [2], FLOAT32) is at version 1;"
                + " expected version 0 instead."), e.getMessage());
    }

    @Test
    void aStepBetweenTwoRetainedBackwardsFailsTheSecond() {
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor x = Tensor.of(new double[] {3, 4});
        Tensor loss = w.mul(x).mul(w).sum();
        loss.backward(null, true);
        double[] values = w.array();                 // what an optimizer does
        double[] g = w.grad().readArray();
        for (int i = 0; i < values.length; i++) {
            values[i] -= 0.1 * g[i];
        }
        assertThrows(IllegalStateException.class, () -> loss.backward(null, true));
        assertThrows(IllegalStateException.class, () -> Autograd.grad(loss, List.of(w), false));
    }

    @Test
    void readsAndWritesBeforeRecordingAreFine() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        x.array()[0] = 3;
        double[] read = x.readArray();
        Tensor y = x.mul(x).sum();
        assertEquals(3.0, read[0]);
        x.readArray();
        x.toDoubleArray();
        y.backward();
        assertArrayEquals(new double[] {6, 4}, x.grad().toDoubleArray());
        assertEquals(1, x.version());
        Tensor f = Tensor.of(new float[] {1});
        f.readFloatArray();
        assertEquals(0, f.version());
        f.floatArray();
        assertEquals(1, f.reshape(1, 1).version());
    }

    @Test
    void anOutputTheBackwardDoesNotReadMayBeWritten() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(3);
        y.array()[0] = 100;                          // mul's backward needs x only
        y.sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
    }
}
