package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.autograd4j.core.DType;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Row i has features {i, -i} and label i, so every batch tells which rows it holds. */
    static Dataset rows(int n) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, -i};
            y[i] = i;
        }
        return Dataset.of(x, y);
    }

    /** The label of every row served in one epoch, checking features and labels stay aligned. */
    static List<Integer> epoch(DataLoader loader, List<Integer> batchSizes) {
        List<Integer> seen = new ArrayList<>();
        for (Batch b : loader) {
            double[] x = b.x().toDoubleArray();
            double[] y = b.y().toDoubleArray();
            assertEquals(b.size(), y.length);
            batchSizes.add(b.size());
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], x[2 * i], 0.0);
                assertEquals(-y[i], x[2 * i + 1], 0.0);
                seen.add((int) y[i]);
            }
        }
        return seen;
    }

    @Test
    void everyRowOnceAndBatchSizesMatchNumBatches() {
        qt().withFixedSeed(7).withExamples(150).forAll(integers().between(1, 60), integers().between(1, 70),
                booleans().all(), longs().all()).checkAssert((n, bs, shuffle, seed) -> {
                    DataLoader loader = DataLoader.builder(rows(n)).batchSize(bs).shuffle(shuffle).seed(seed).build();
                    for (int e = 0; e < 2; e++) {
                        List<Integer> sizes = new ArrayList<>();
                        List<Integer> seen = epoch(loader, sizes);
                        assertEquals(loader.numBatches(), sizes.size());
                        assertEquals((n + bs - 1) / bs, sizes.size());
                        for (int i = 0; i < sizes.size() - 1; i++) {
                            assertEquals(bs, sizes.get(i));
                        }
                        int[] sorted = seen.stream().mapToInt(Integer::intValue).sorted().toArray();
                        int[] expected = new int[n];
                        Arrays.setAll(expected, i -> i);
                        assertArrayEquals(expected, sorted, "each row exactly once per epoch");
                    }
                });
    }

    @Test
    void dropLastLeavesOutThePartialBatch() {
        qt().withFixedSeed(11).withExamples(100).forAll(integers().between(1, 60), integers().between(1, 60),
                longs().all()).assuming((n, bs, seed) -> bs <= n).checkAssert((n, bs, seed) -> {
                    DataLoader loader = DataLoader.builder(rows(n)).batchSize(bs).shuffle(true).seed(seed)
                            .dropLast(true).build();
                    List<Integer> sizes = new ArrayList<>();
                    List<Integer> seen = epoch(loader, sizes);
                    assertEquals(n / bs, sizes.size());
                    assertEquals(n / bs, loader.numBatches());
                    assertTrue(sizes.stream().allMatch(s -> s == bs));
                    assertEquals(n - n % bs, seen.size());
                    assertEquals(seen.size(), seen.stream().distinct().count(), "no row twice");
                });
    }

    @Test
    void shuffleIsReproducibleFromTheSeedAndChangesEveryEpoch() {
        DataLoader a = DataLoader.builder(rows(50)).batchSize(8).shuffle(true).seed(42).build();
        DataLoader b = DataLoader.builder(rows(50)).batchSize(8).shuffle(true).seed(42).build();
        DataLoader c = DataLoader.builder(rows(50)).batchSize(8).shuffle(true).seed(43).build();
        List<Integer> a1 = epoch(a, new ArrayList<>());
        List<Integer> a2 = epoch(a, new ArrayList<>());
        assertEquals(a1, epoch(b, new ArrayList<>()));
        assertEquals(a2, epoch(b, new ArrayList<>()));
        assertFalse(a1.equals(a2), "a new order every epoch");
        assertFalse(a1.equals(epoch(c, new ArrayList<>())), "another seed, another order");
        a.setEpoch(1);
        assertEquals(a2, epoch(a, new ArrayList<>()), "setEpoch replays an epoch");
        List<Integer> plain = epoch(DataLoader.of(rows(50), 8), new ArrayList<>());
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            identity.add(i);
        }
        assertEquals(identity, plain, "no shuffle keeps dataset order");
    }

    @Test
    void batchSizeZeroIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataLoader.of(rows(5), 0));
        assertEquals("DataLoader: batchSize must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> DataLoader.builder(rows(5)).batchSize(6).dropLast(true).build());
        assertEquals("DataLoader: with dropLast, batchSize 6 is larger than the dataset's 5 rows, which leaves no "
                + "batch", e.getMessage());
    }

    @Test
    void batchesAreFloat32ByDefaultAndFloat64OnRequest() {
        Batch b = DataLoader.of(rows(3), 2).iterator().next();
        assertEquals(DType.FLOAT32, b.x().dtype());
        assertEquals(DType.FLOAT32, b.y().dtype());
        Batch d = DataLoader.builder(rows(3)).batchSize(2).dtype(DType.FLOAT64).build().iterator().next();
        assertEquals(DType.FLOAT64, d.x().dtype());
        assertArrayEquals(new long[] {2, 2}, d.x().shape());
        assertArrayEquals(new long[] {2}, d.y().shape());
        assertFalse(d.x().requiresGrad());
    }
}
