package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

class OneHotTest {
    @Test
    void encodesAndDecodes() {
        Tensor y = OneHot.encode(new int[] {2, 0, 1}, 3);
        assertArrayEquals(new long[] {3, 3}, y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, y.toDoubleArray());
        assertArrayEquals(new int[] {2, 0, 1}, OneHot.decode(y));
        assertEquals(DType.FLOAT64, OneHot.encode(new int[] {0}, 1, DType.FLOAT64).dtype());
    }

    @Test
    void decodeTakesTheFirstMaximum() {
        assertArrayEquals(new int[] {1, 0}, OneHot.decode(Tensor.of(new double[] {0.1, 0.7, 0.2, 0.5, 0.5, 0}, 2, 3)));
    }

    @Test
    void labelOutOfRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneHot.encode(new int[] {0, 1, 3}, 3));
        assertEquals("OneHot.encode: label 3 at position 2 is outside [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0}, 0));
        assertEquals("OneHot.encode: classes must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OneHot.decode(Tensor.zeros(3)));
        assertEquals("OneHot.decode: expected shape [n, classes] with classes >= 1, got [3]", e.getMessage());
    }
}
