package org.autograd4j.nn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Train/test and train/validation/test splits, reproducible from a seed and optionally stratified.
 *
 * <p>Sizes: the test split gets {@code round(testFraction * n)} rows (at least one), the validation split
 * {@code round(validationFraction * n)} (at least one), and the training split the rest (at least one). Stratified
 * splits (for class labels, see {@link Dataset#classIndices()}) give each class {@code floor} or {@code ceil} of its
 * exact share of every split, so class proportions are kept to within one row per class, while the split sizes stay
 * as above. Rows within each split are in shuffled order.
 *
 * <pre>{@code
 * Splits.TrainTest s = Splits.trainTestSplit(data, 0.2, 42, true);
 * StandardScaler scaler = StandardScaler.fit(s.train().features());
 * }</pre>
 */
public final class Splits {
    private Splits() {
    }

    /**
     * A training and a test split.
     *
     * @param train the rows used to fit
     * @param test  the held-out rows
     */
    public record TrainTest(Dataset train, Dataset test) {
    }

    /**
     * A training, a validation and a test split.
     *
     * @param train      the rows used to fit
     * @param validation the rows used to tune (early stopping, learning-rate schedules)
     * @param test       the held-out rows, used once at the end
     */
    public record TrainValidationTest(Dataset train, Dataset validation, Dataset test) {
    }

    /**
     * Splits {@code data} into training and test rows.
     *
     * @param data the rows to split
     * @param testFraction in {@code (0, 1)}
     * @param seed         the same seed gives the same split
     * @param stratify     keep the class proportions in both splits (labels must be class indices or one-hot)
     * @return the two disjoint subsets
     * @throws IllegalArgumentException if the fraction is out of range or a split would be empty
     */
    public static TrainTest trainTestSplit(Dataset data, double testFraction, long seed, boolean stratify) {
        checkFraction("trainTestSplit", "testFraction", testFraction);
        int[][] parts = partition("trainTestSplit", data, new double[] {testFraction}, seed, stratify);
        return new TrainTest(data.subset(parts[0]), data.subset(parts[1]));
    }

    /**
     * Splits {@code data} into training, validation and test rows.
     *
     * @param data the rows to split
     * @param validationFraction in {@code (0, 1)}
     * @param testFraction       in {@code (0, 1)}; the two fractions sum to less than 1
     * @param seed               the same seed gives the same split
     * @param stratify           keep the class proportions in every split
     * @return the three disjoint subsets
     * @throws IllegalArgumentException if a fraction is out of range or a split would be empty
     */
    public static TrainValidationTest trainValidationTestSplit(Dataset data, double validationFraction,
            double testFraction, long seed, boolean stratify) {
        String op = "trainValidationTestSplit";
        checkFraction(op, "validationFraction", validationFraction);
        checkFraction(op, "testFraction", testFraction);
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Splits." + op + ": validationFraction + testFraction must be < 1, got "
                    + validationFraction + " + " + testFraction);
        }
        int[][] parts = partition(op, data, new double[] {validationFraction, testFraction}, seed, stratify);
        return new TrainValidationTest(data.subset(parts[0]), data.subset(parts[1]), data.subset(parts[2]));
    }

    private static void checkFraction(String op, String name, double f) {
        if (!(f > 0 && f < 1)) {
            throw new IllegalArgumentException("Splits." + op + ": " + name + " must be in (0, 1), got " + f);
        }
    }

    /**
     * Row positions for each part: part 0 is training, parts 1.. get {@code fractions[i - 1]} of the rows.
     * Stratification allocates each split's total across classes by largest remainder, capped by what the class has
     * left; without it every row belongs to one class.
     */
    static int[][] partition(String op, Dataset data, double[] fractions, long seed, boolean stratify) {
        int n = data.size();
        int[] totals = new int[fractions.length];
        int held = 0;
        for (int p = 0; p < fractions.length; p++) {
            totals[p] = Math.max(1, (int) Math.round(fractions[p] * n));
            held += totals[p];
        }
        if (held >= n) {
            throw new IllegalArgumentException("Splits." + op + ": " + n
                    + " rows are too few: the held-out splits take " + held + " and leave no training row");
        }
        List<List<Integer>> classes = groupByClass(data, stratify);
        Random rng = new Random(seed);
        for (List<Integer> rows : classes) {
            shuffle(rows, rng);
        }
        int[] left = new int[classes.size()];
        for (int c = 0; c < left.length; c++) {
            left[c] = classes.get(c).size();
        }
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p <= fractions.length; p++) {
            parts.add(new ArrayList<>());
        }
        int[] taken = new int[classes.size()];
        for (int p = 0; p < fractions.length; p++) {
            double[] target = new double[classes.size()];
            for (int c = 0; c < target.length; c++) {
                target[c] = fractions[p] * classes.get(c).size();
            }
            int[] counts = allocate(target, left, totals[p]);
            for (int c = 0; c < counts.length; c++) {
                List<Integer> rows = classes.get(c);
                parts.get(p + 1).addAll(rows.subList(taken[c], taken[c] + counts[c]));
                taken[c] += counts[c];
                left[c] -= counts[c];
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            parts.get(0).addAll(classes.get(c).subList(taken[c], classes.get(c).size()));
        }
        int[][] out = new int[parts.size()][];
        for (int p = 0; p < out.length; p++) {
            shuffle(parts.get(p), rng);
            out[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static List<List<Integer>> groupByClass(Dataset data, boolean stratify) {
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        int[] classes = stratify ? data.classIndices() : new int[data.size()];
        for (int i = 0; i < classes.length; i++) {
            byClass.computeIfAbsent(classes[i], k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byClass.values());
    }

    /**
     * Integer counts near {@code target} summing to {@code total}, none above {@code capacity}: floors first, then
     * one more to the largest fractional parts (ties to the lower class), then anywhere there is room. The floors never
     * exceed {@code total}, because their sum is at most the (rounded) sum of the targets.
     */
    static int[] allocate(double[] target, int[] capacity, int total) {
        int k = target.length;
        int[] out = new int[k];
        int sum = 0;
        for (int c = 0; c < k; c++) {
            out[c] = Math.min((int) Math.floor(target[c]), capacity[c]);
            sum += out[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(target[b] - Math.floor(target[b]),
                target[a] - Math.floor(target[a])));
        for (int pass = 0; pass < 2 && sum < total; pass++) {
            for (int i = 0; i < k && sum < total; i++) {
                int c = order[i];
                int limit = pass == 0 ? (int) Math.ceil(target[c]) : capacity[c];
                while (out[c] < Math.min(limit, capacity[c]) && sum < total) {
                    out[c]++;
                    sum++;
                    if (pass == 0) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static void shuffle(List<Integer> rows, Random rng) {
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
        }
    }
}
