package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Creation, metadata, value access, dtypes and the ND4J bridge of {@link Tensor}; printing is in {@link PrinterTest}. */
class TensorTest {

    @Nested
    class Creation {
        @Test
        void ofDoubleIsFloat64RowMajor() {
            Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
            assertArrayEquals(new long[] {2, 3}, t.shape());
            assertEquals(2, t.rank());
            assertEquals(6, t.size());
            assertEquals(2, t.size(0));
            assertEquals(3, t.size(1));
            assertEquals(3, t.size(-1));
            assertEquals(DType.FLOAT64, t.dtype());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.toDoubleArray());
            // row-major: row 1 is {4, 5, 6}
            assertArrayEquals(new double[] {4, 5, 6}, t.slice(0, 1, 2).toDoubleArray());
        }

        @Test
        void ofWithoutShapeIsOneDimensional() {
            Tensor t = Tensor.of(new double[] {1, 2, 3});
            assertArrayEquals(new long[] {3}, t.shape());
            assertEquals(1, t.rank());
        }

        @Test
        void ofCopiesItsInputAndAccessorsReturnCopies() {
            double[] data = {1, 2, 3};
            Tensor t = Tensor.of(data);
            data[0] = 100;
            assertEquals(1.0, t.toDoubleArray()[0]);
            t.toDoubleArray()[1] = 100;
            t.shape()[0] = 100;
            assertArrayEquals(new double[] {1, 2, 3}, t.toDoubleArray());
            assertArrayEquals(new long[] {3}, t.shape());
        }

        @Test
        void ofFloatIsFloat32AndExact() {
            float[] data = {0.1f, -2.5f, 3e-8f, 1e30f};
            Tensor t = Tensor.of(data, 2, 2);
            assertEquals(DType.FLOAT32, t.dtype());
            assertArrayEquals(data, t.toFloatArray());
            assertArrayEquals(new double[] {0.1f, -2.5f, 3e-8f, 1e30f}, t.toDoubleArray());
        }

        @Test
        void ofRowsIsTwoDimensional() {
            Tensor t = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertArrayEquals(new long[] {2, 3}, t.shape());
            assertEquals(DType.FLOAT64, t.dtype());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.toDoubleArray());
        }

        @Test
        void scalarIsZeroDimensional() {
            Tensor s = Tensor.scalar(2.5);
            assertArrayEquals(new long[0], s.shape());
            assertEquals(0, s.rank());
            assertEquals(1, s.size());
            assertEquals(2.5, s.item());
            assertEquals(DType.FLOAT64, s.dtype());
            Tensor f = Tensor.scalar(0.1, DType.FLOAT32);
            assertEquals(DType.FLOAT32, f.dtype());
            assertEquals((double) 0.1f, f.item());
        }

        @Test
        void filledFactories() {
            assertArrayEquals(new double[6], Tensor.zeros(2, 3).toDoubleArray());
            assertArrayEquals(new long[] {2, 3}, Tensor.zeros(2, 3).shape());
            assertArrayEquals(new double[] {1, 1, 1}, Tensor.ones(3).toDoubleArray());
            assertArrayEquals(new double[] {7, 7, 7, 7}, Tensor.full(7, 2, 2).toDoubleArray());
            assertEquals(DType.FLOAT32, Tensor.full(0.1, DType.FLOAT32, 2).dtype());
            assertEquals((double) 0.1f, Tensor.full(0.1, DType.FLOAT32, 2).toDoubleArray()[1]);
            assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toDoubleArray());
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, Tensor.eye(3).toDoubleArray());
            assertArrayEquals(new long[] {3, 3}, Tensor.eye(3).shape());
            for (Tensor t : new Tensor[] {Tensor.zeros(2), Tensor.ones(2), Tensor.full(1, 2), Tensor.arange(2),
                Tensor.eye(2), Tensor.rand(new Random(1), 2), Tensor.randn(new Random(1), 2)}) {
                assertEquals(DType.FLOAT64, t.dtype());
                assertTrue(t.isLeaf());
                assertFalse(t.requiresGrad());
            }
            Tensor ones = Tensor.ones();
            assertEquals(0, ones.rank());
            assertEquals(1.0, ones.item());
        }

        @Test
        void emptyDimensionsAreAllowed() {
            Tensor t = Tensor.zeros(0, 3);
            assertArrayEquals(new long[] {0, 3}, t.shape());
            assertEquals(0, t.size());
            assertEquals(0, t.toDoubleArray().length);
            assertEquals(0, Tensor.arange(0).size());
            assertArrayEquals(new long[] {0, 0}, Tensor.eye(0).shape());
        }

        @Test
        void randomFactoriesAreReproducibleGivenTheRandom() {
            assertArrayEquals(Tensor.rand(new Random(7), 3, 4).toDoubleArray(),
                    Tensor.rand(new Random(7), 3, 4).toDoubleArray());
            assertArrayEquals(Tensor.randn(new Random(7), 3, 4).toDoubleArray(),
                    Tensor.randn(new Random(7), 3, 4).toDoubleArray());
            assertNotEquals(Tensor.rand(new Random(7), 4).toDoubleArray()[0],
                    Tensor.rand(new Random(8), 4).toDoubleArray()[0]);
            Random rng = new Random(7);
            assertNotEquals(Tensor.rand(rng, 4).toDoubleArray()[0], Tensor.rand(rng, 4).toDoubleArray()[0],
                    "a Random's state advances");
        }

        @Test
        void randIsUniformOnZeroOneAndRandnIsStandardNormal() {
            double[] u = Tensor.rand(new Random(3), 100, 100).toDoubleArray();
            double[] z = Tensor.randn(new Random(3), 100, 100).toDoubleArray();
            double su = 0;
            double sz = 0;
            double szz = 0;
            for (int i = 0; i < u.length; i++) {
                assertTrue(u[i] >= 0 && u[i] < 1);
                su += u[i];
                sz += z[i];
                szz += z[i] * z[i];
            }
            int n = u.length;
            assertEquals(0.5, su / n, 0.02);
            assertEquals(0.0, sz / n, 0.05);
            assertEquals(1.0, szz / n - (sz / n) * (sz / n), 0.05);
        }

        @Test
        void shapeRoundTripsForRandomShapes() {
            qt().forAll(integers().between(0, 4), integers().between(0, 4), integers().between(1, 3))
                    .checkAssert((a, b, c) -> {
                        double[] data = Tensor.arange((long) a * b * c).toDoubleArray();
                        Tensor t = Tensor.of(data, a, b, c);
                        assertArrayEquals(new long[] {a, b, c}, t.shape());
                        assertEquals((long) a * b * c, t.size());
                        assertArrayEquals(data, t.toDoubleArray());
                        assertArrayEquals(data, t.reshape(-1).toDoubleArray());
                        assertArrayEquals(new long[] {(long) a * b * c}, t.flatten().shape());
                    });
        }
    }

    @Nested
    class Values {
        @Test
        void itemWorksOnAnyOneElementShape() {
            assertEquals(4.0, Tensor.of(new double[] {4}, 1, 1, 1).item());
            assertEquals(4.0, Tensor.of(new double[] {4}).item());
        }

        @Test
        void toFloatArrayRoundsFloat64Values() {
            float[] f = Tensor.of(new double[] {0.1, 1.0 / 3}).toFloatArray();
            assertArrayEquals(new float[] {0.1f, 1.0f / 3}, f);
        }

        @Test
        void autogradStateOfFreshAndDerivedTensors() {
            Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
            assertTrue(x.requiresGrad());
            assertTrue(x.isLeaf());
            assertNull(x.grad());
            assertNull(x.gradFn());
            Tensor y = x.mul(2);
            assertTrue(y.requiresGrad());
            assertFalse(y.isLeaf());
            assertEquals("MulBackward", y.gradFn());
            Tensor d = y.detach();
            assertTrue(d.isLeaf());
            assertFalse(d.requiresGrad());
            assertArrayEquals(y.toDoubleArray(), d.toDoubleArray());
            Tensor c = Tensor.of(new double[] {1, 2}).mul(2);
            assertTrue(c.isLeaf(), "an op on tensors that need no gradient records nothing");
            assertFalse(c.requiresGrad());
        }

        @Test
        void requiresGradFalseTurnsRecordingOff() {
            Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true).requiresGrad(false);
            assertFalse(x.requiresGrad());
            assertTrue(x.exp().isLeaf());
        }

        @Test
        void comparisonsAreMasksWithoutGradient() {
            Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
            Tensor y = Tensor.of(new double[] {2, 2, 2});
            assertArrayEquals(new double[] {0, 0, 1}, x.gt(y).toDoubleArray());
            assertArrayEquals(new double[] {0, 1, 1}, x.ge(y).toDoubleArray());
            assertArrayEquals(new double[] {1, 0, 0}, x.lt(2).toDoubleArray());
            assertArrayEquals(new double[] {1, 1, 0}, x.le(2).toDoubleArray());
            assertArrayEquals(new double[] {0, 1, 0}, x.eq(2).toDoubleArray());
            assertFalse(x.gt(y).requiresGrad());
            assertTrue(x.gt(y).isLeaf());
        }
    }

    @Nested
    class Dtypes {
        private final Tensor f32 = Tensor.of(new float[] {0.1f, 0.2f});
        private final Tensor f64 = Tensor.of(new double[] {0.1, 0.2});

        @Test
        void toConvertsAndRounds() {
            Tensor t = f64.to(DType.FLOAT32);
            assertEquals(DType.FLOAT32, t.dtype());
            assertArrayEquals(new double[] {0.1f, 0.2f}, t.toDoubleArray());
            Tensor back = t.to(DType.FLOAT64);
            assertEquals(DType.FLOAT64, back.dtype());
            assertArrayEquals(new double[] {0.1f, 0.2f}, back.toDoubleArray());
        }

        @Test
        void toTheSameTypeIsTheSameTensor() {
            assertSame(f64, f64.to(DType.FLOAT64));
            assertSame(f32, f32.to(DType.FLOAT32));
        }

        @Test
        void toIsDifferentiableAndGradientKeepsTheLeafType() {
            Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
            Tensor y = x.to(DType.FLOAT32).mul(3).sum();
            assertEquals(DType.FLOAT32, y.dtype());
            y.backward();
            assertEquals(DType.FLOAT64, x.grad().dtype());
            assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
        }

        @Test
        void float32WithFloat64PromotesToFloat64() {
            assertEquals(DType.FLOAT64, f32.add(f64).dtype());
            assertEquals(DType.FLOAT64, f64.add(f32).dtype());
            assertEquals(DType.FLOAT64, f32.mul(f64).dtype());
            assertEquals(DType.FLOAT64, f32.sub(f64).dtype());
            assertEquals(DType.FLOAT64, f32.div(f64).dtype());
            assertEquals(DType.FLOAT64, f32.maximum(f64).dtype());
            assertEquals(DType.FLOAT64, f32.reshape(2, 1).matmul(f64.reshape(1, 2)).dtype());
            // a 0-d FLOAT64 tensor does not decide beside one with dimensions, as in PyTorch (PyTorchRulesTest)
            assertEquals(DType.FLOAT32, f32.add(Tensor.scalar(1.0)).dtype());
            // the promoted sum is computed from the float32 values as they are
            assertEquals((double) 0.1f + 0.1, f32.add(f64).toDoubleArray()[0], 0.0);
        }

        @Test
        void float32WithDoubleKeepsFloat32() {
            for (Tensor t : new Tensor[] {f32.add(1.0), f32.sub(1.0), f32.mul(3.0), f32.div(3.0), f32.pow(2.0),
                f32.exp(), f32.sum(), f32.mean(), f32.mul(f32), f32.clamp(0.0, 0.15)}) {
                assertEquals(DType.FLOAT32, t.dtype(), t::toString);
            }
            // float32 arithmetic: the double operand is rounded to float, the result too
            assertEquals(0.1f + 0.2f, f32.add(0.2).toFloatArray()[0]);
            assertEquals(0.1f / 3.0f, f32.div(3.0).toFloatArray()[0]);
            for (double v : f32.div(3.0).toDoubleArray()) {
                assertEquals(v, (double) (float) v, 0.0, "a FLOAT32 tensor holds float values");
            }
        }

        @Test
        void gradientsOfMixedOpsHaveEachLeafsType() {
            Tensor a = Tensor.of(new float[] {1, 2}).requiresGrad(true);
            Tensor b = Tensor.of(new double[] {3, 4}).requiresGrad(true);
            a.mul(b).sum().backward();
            assertEquals(DType.FLOAT32, a.grad().dtype());
            assertEquals(DType.FLOAT64, b.grad().dtype());
            assertArrayEquals(new double[] {3, 4}, a.grad().toDoubleArray());
            assertArrayEquals(new double[] {1, 2}, b.grad().toDoubleArray());
        }
    }
}
