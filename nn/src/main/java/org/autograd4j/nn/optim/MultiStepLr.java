package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multiplies every group's learning rate by {@code gamma} at each milestone epoch, as PyTorch's {@code MultiStepLR}:
 * after epoch {@code e} the rate is {@code base * gamma^(number of milestones <= e)}; a milestone given twice
 * multiplies by {@code gamma²} there.
 *
 * <pre>{@code
 * new MultiStepLr(opt, List.of(30, 80), 0.1);   // lr 0.1 for epochs 0-29, 0.01 for 30-79, 0.001 after
 * }</pre>
 */
public final class MultiStepLr extends BaseLrScheduler {
    private static final String NAME = "MultiStepLr";

    private final List<Integer> milestones;
    private final double gamma;

    /**
     * A schedule starting from each group's current learning rate.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param milestones the epochs at which to decay, each {@code >= 1}, in any order (sorted here)
     * @param gamma      the decay factor, {@code > 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public MultiStepLr(Optimizer optimizer, List<Integer> milestones, double gamma) {
        super(NAME, optimizer);
        Check.notNull(NAME, "milestones", milestones);
        List<Integer> sorted = new ArrayList<>(milestones.size());
        for (Integer m : milestones) {
            if (m == null || m < 1) {
                throw new IllegalArgumentException(NAME + ": milestones must be >= 1, got " + milestones);
            }
            sorted.add(m);
        }
        Collections.sort(sorted);
        this.milestones = List.copyOf(sorted);
        this.gamma = Check.positive(NAME, "gamma", gamma);
    }

    /** Ends an epoch; at a milestone, multiplies each group's rate by {@code gamma} (once per time it is listed). */
    @Override
    public void step() {
        lastEpoch++;
        int times = Collections.frequency(milestones, lastEpoch);
        if (times > 0) {
            scaleAll(Math.pow(gamma, times));
        }
    }

    @Override
    double lrAt(double base, int epoch) {
        int passed = 0;
        while (passed < milestones.size() && milestones.get(passed) <= epoch) {
            passed++;
        }
        return base * Math.pow(gamma, passed);
    }
}
