package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

class ScalerTest {
    // Column 0: 1, 2, 3 (mean 2, population std sqrt(2/3)); column 1 constant 5.
    private static final Tensor TRAIN = Tensor.of(new double[][] {{1, 5}, {2, 5}, {3, 5}});
    private static final Tensor TEST = Tensor.of(new double[][] {{10, 5}, {-4, 6}});

    @Test
    void standardScalerUsesTrainingStatisticsOnly() {
        StandardScaler s = StandardScaler.fit(TRAIN);
        double std = Math.sqrt(2.0 / 3.0);
        assertArrayEquals(new double[] {2, 5}, s.mean(), 1e-15);
        assertArrayEquals(new double[] {std, 1}, s.scale(), 1e-15, "constant column gets scale 1");
        assertArrayEquals(new double[] {-1 / std, 0, 0, 0, 1 / std, 0}, s.transform(TRAIN).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {8 / std, 0, -6 / std, 1}, s.transform(TEST).toDoubleArray(), 1e-12,
                "the test split is scaled with the training mean and scale");
    }

    @Test
    void standardScalerInverseAndRebuildFromParameters() {
        StandardScaler s = StandardScaler.fit(TRAIN);
        assertArrayEquals(TEST.toDoubleArray(), s.inverseTransform(s.transform(TEST)).toDoubleArray(), 1e-12);
        StandardScaler again = new StandardScaler(s.mean(), s.scale());
        assertArrayEquals(s.transform(TEST).toDoubleArray(), again.transform(TEST).toDoubleArray(), 0);
        Tensor f32 = TEST.to(DType.FLOAT32);
        assertEquals(DType.FLOAT32, s.transform(f32).dtype());
    }

    @Test
    void minMaxScalerMapsTrainingRangeOntoTarget() {
        MinMaxScaler s = MinMaxScaler.fit(TRAIN);
        assertArrayEquals(new double[] {0, 0, 0.5, 0, 1, 0}, s.transform(TRAIN).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {4.5, 0, -2.5, 1}, s.transform(TEST).toDoubleArray(), 1e-12);
        assertArrayEquals(TEST.toDoubleArray(), s.inverseTransform(s.transform(TEST)).toDoubleArray(), 1e-12);
        MinMaxScaler wide = MinMaxScaler.fit(TRAIN, -1, 1);
        assertArrayEquals(new double[] {-1, -1, 0, -1, 1, -1}, wide.transform(TRAIN).toDoubleArray(), 1e-15);
        MinMaxScaler again = new MinMaxScaler(wide.dataMin(), wide.dataMax(), wide.lo(), wide.hi());
        assertArrayEquals(wide.transform(TEST).toDoubleArray(), again.transform(TEST).toDoubleArray(), 0);
    }

    @Test
    void scalerTransformsADatasetsFeaturesOnly() {
        Dataset d = new Dataset(TRAIN, Tensor.of(new double[] {7, 8, 9}));
        Dataset t = StandardScaler.fit(TRAIN).transform(d);
        assertArrayEquals(new double[] {7, 8, 9}, t.labels().toDoubleArray());
        assertEquals(0, t.features().mean().item(), 1e-12);
    }

    @Test
    void mismatchesAndBadParametersAreNamed() {
        StandardScaler s = StandardScaler.fit(TRAIN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.transform(Tensor.zeros(2, 3)));
        assertEquals("StandardScaler.transform: x has 3 columns but the scaler was fitted on 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StandardScaler(new double[] {0}, new double[] {0}));
        assertEquals("StandardScaler: scale must be > 0, got 0.0 for column 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new StandardScaler(new double[] {0, 1}, new double[] {1}));
        assertEquals("StandardScaler: mean has 2 values and scale has 1; they need the same non-zero length",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(TRAIN, 1, 1));
        assertEquals("MinMaxScaler: feature range must be finite with lo < hi, got [1.0, 1.0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(Tensor.of(new double[] {1, Double.NaN}, 2, 1)));
        assertEquals("StandardScaler.fit: x has the non-finite value NaN at row 1, column 0", e.getMessage());
    }
}
