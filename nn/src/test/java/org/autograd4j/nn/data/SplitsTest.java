package org.autograd4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /** A classification dataset whose feature is the row number; class c has counts[c] rows, interleaved. */
    static Dataset classes(List<Integer> counts) {
        List<Integer> labels = new ArrayList<>();
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int r = 0; r < max; r++) {
            for (int c = 0; c < counts.size(); c++) {
                if (r < counts.get(c)) {
                    labels.add(c);
                }
            }
        }
        double[][] x = new double[labels.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i};
        }
        return Dataset.of(x, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    static int[] rowIds(Dataset d) {
        return Arrays.stream(d.features().toDoubleArray()).mapToInt(v -> (int) v).toArray();
    }

    static int count(Dataset d, int cls) {
        return (int) Arrays.stream(d.classIndices()).filter(c -> c == cls).count();
    }

    @Test
    void stratifiedTrainTestKeepsClassProportionsWithinOneRow() {
        qt().withFixedSeed(3).withExamples(200).forAll(lists().of(integers().between(1, 40)).ofSizeBetween(2, 5),
                doubles().between(0.1, 0.5), longs().all()).checkAssert((counts, f, seed) -> {
                    Dataset d = classes(counts);
                    Splits.TrainTest s = Splits.trainTestSplit(d, f, seed, true);
                    assertEquals(Math.max(1, Math.round(f * d.size())), s.test().size());
                    assertEquals(d.size(), s.train().size() + s.test().size());
                    int[] all = new int[d.size()];
                    Arrays.setAll(all, i -> i);
                    int[] got = java.util.stream.IntStream.concat(Arrays.stream(rowIds(s.train())),
                            Arrays.stream(rowIds(s.test()))).sorted().toArray();
                    assertArrayEquals(all, got, "the splits partition the rows");
                    for (int c = 0; c < counts.size(); c++) {
                        double share = f * counts.get(c);
                        assertTrue(Math.abs(count(s.test(), c) - share) < 1, "class " + c + ": " + count(s.test(), c)
                                + " test rows for an exact share of " + share);
                        assertTrue(Math.abs(count(s.train(), c) - (counts.get(c) - share)) < 1);
                    }
                });
    }

    @Test
    void stratifiedThreeWaySplitKeepsProportions() {
        qt().withFixedSeed(5).withExamples(150).forAll(lists().of(integers().between(10, 60)).ofSizeBetween(2, 4),
                doubles().between(0.1, 0.3), doubles().between(0.1, 0.3), longs().all())
                .checkAssert((counts, fv, ft, seed) -> {
                    Dataset d = classes(counts);
                    Splits.TrainValidationTest s = Splits.trainValidationTestSplit(d, fv, ft, seed, true);
                    assertEquals(d.size(), s.train().size() + s.validation().size() + s.test().size());
                    assertEquals(Math.round(fv * d.size()), s.validation().size());
                    assertEquals(Math.round(ft * d.size()), s.test().size());
                    for (int c = 0; c < counts.size(); c++) {
                        assertTrue(Math.abs(count(s.validation(), c) - fv * counts.get(c)) < 1);
                        assertTrue(Math.abs(count(s.test(), c) - ft * counts.get(c)) < 1);
                    }
                });
    }

    @Test
    void splitsAreReproducibleFromTheSeed() {
        Dataset d = classes(List.of(30, 20, 10));
        Splits.TrainValidationTest a = Splits.trainValidationTestSplit(d, 0.2, 0.2, 9, true);
        Splits.TrainValidationTest b = Splits.trainValidationTestSplit(d, 0.2, 0.2, 9, true);
        Splits.TrainValidationTest c = Splits.trainValidationTestSplit(d, 0.2, 0.2, 10, true);
        assertArrayEquals(rowIds(a.train()), rowIds(b.train()));
        assertArrayEquals(rowIds(a.validation()), rowIds(b.validation()));
        assertArrayEquals(rowIds(a.test()), rowIds(b.test()));
        assertFalse(Arrays.equals(rowIds(a.test()), rowIds(c.test())));
        Splits.TrainTest plain = Splits.trainTestSplit(d, 0.25, 9, false);
        assertEquals(15, plain.test().size());
        assertArrayEquals(rowIds(plain.test()), rowIds(Splits.trainTestSplit(d, 0.25, 9, false).test()));
    }

    @Test
    void badFractionsAndTinyDatasetsAreRejected() {
        Dataset d = classes(List.of(3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splits.trainTestSplit(d, 1.0, 0, false));
        assertEquals("Splits.trainTestSplit: testFraction must be in (0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Splits.trainValidationTestSplit(d, 0.5, 0.5, 0, false));
        assertEquals("Splits.trainValidationTestSplit: validationFraction + testFraction must be < 1, got 0.5 + 0.5",
                e.getMessage());
        Dataset one = classes(List.of(1));
        e = assertThrows(IllegalArgumentException.class, () -> Splits.trainTestSplit(one, 0.2, 0, false));
        assertEquals("Splits.trainTestSplit: 1 rows are too few: the held-out splits take 1 and leave no training row",
                e.getMessage());
        Dataset regression = Dataset.of(new double[][] {{0}, {1}, {2}}, new double[] {0.5, 1.5, 2});
        assertThrows(IllegalArgumentException.class, () -> Splits.trainTestSplit(regression, 0.3, 0, true));
        assertEquals(1, Splits.trainTestSplit(regression, 0.3, 0, false).test().size());
    }
}
