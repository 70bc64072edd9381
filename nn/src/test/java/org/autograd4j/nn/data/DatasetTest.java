package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void rowCountMismatchNamesBothCounts() {
        Tensor x = Tensor.zeros(10, 3);
        Tensor y = Tensor.zeros(9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dataset(x, y));
        assertEquals("Dataset: features have 10 rows but labels have 9", e.getMessage());
    }

    @Test
    void emptyDatasetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(Tensor.zeros(0, 3), Tensor.zeros(0)));
        assertEquals("Dataset: the dataset is empty (0 rows); it needs at least one row", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[0][], new double[0]));
    }

    @Test
    void shapesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(Tensor.zeros(4), Tensor.zeros(4)));
        assertEquals("Dataset: features must have shape [n, d], got [4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(4, 2), Tensor.zeros(4, 1, 1)));
        assertEquals("Dataset: labels must have shape [n] or [n, k], got [4, 1, 1]", e.getMessage());
    }

    @Test
    void subsetPicksRowsInOrderAndKeepsDtype() {
        Dataset d = new Dataset(Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 3, 2).to(DType.FLOAT32),
                Tensor.of(new double[] {7, 8, 9}).to(DType.FLOAT32));
        Dataset s = d.subset(new int[] {2, 0, 2});
        assertArrayEquals(new double[] {4, 5, 0, 1, 4, 5}, s.features().toDoubleArray());
        assertArrayEquals(new double[] {9, 7, 9}, s.labels().toDoubleArray());
        assertEquals(DType.FLOAT32, s.dtype());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.subset(new int[] {0, 3}));
        assertEquals("Dataset.subset: row 3 (position 1) is outside [0, 3)", e.getMessage());
    }

    @Test
    void classIndicesFromIndicesOrOneHot() {
        Dataset d = Dataset.of(new double[][] {{0}, {1}, {2}}, new int[] {2, 0, 1});
        assertArrayEquals(new int[] {2, 0, 1}, d.classIndices());
        Dataset oneHot = new Dataset(Tensor.zeros(3, 1), OneHot.encode(new int[] {1, 2, 0}, 3));
        assertArrayEquals(new int[] {1, 2, 0}, oneHot.classIndices());
        Dataset regression = Dataset.of(new double[][] {{0}, {1}}, new double[] {0.5, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, regression::classIndices);
        assertEquals("Dataset.classIndices: label at row 0 is 0.5, not a class index (a whole number >= 0)",
                e.getMessage());
        Dataset float32 = new Dataset(Tensor.zeros(1, 1).to(org.autograd4j.core.DType.FLOAT32),
                Tensor.of(new double[] {5.1}).to(org.autograd4j.core.DType.FLOAT32));
        assertEquals("Dataset.classIndices: label at row 0 is 5.1, not a class index (a whole number >= 0)",
                assertThrows(IllegalArgumentException.class, float32::classIndices).getMessage());
    }
}
