package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Sets every group's learning rate to its base rate times a factor of the epoch, as PyTorch's {@code LambdaLR}: after
 * epoch {@code e} the rate is {@code base * factor(e)}. Building it sets the rate of epoch 0, {@code base * factor(0)},
 * as PyTorch does.
 *
 * <pre>{@code
 * new LambdaLr(opt, epoch -> 1.0 / (1 + 0.5 * epoch));              // inverse-time decay
 * new LambdaLr(opt, List.of(epoch -> 1.0, epoch -> 0.95 ... ));     // one factor per parameter group
 * }</pre>
 *
 * <p>The state ({@link #state()}) holds the epoch and the base rates, not the functions: a resumed program builds the
 * scheduler with the same functions and loads the state, as in PyTorch.
 */
public final class LambdaLr extends BaseLrScheduler {
    private static final String NAME = "LambdaLr";

    private final List<IntToDoubleFunction> factors;

    /**
     * One factor for every group.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param factor the multiplier of the base rate at an epoch; it must return a finite value {@code >= 0}
     * @throws IllegalArgumentException if an argument is null or the factor at epoch 0 is invalid
     */
    public LambdaLr(Optimizer optimizer, IntToDoubleFunction factor) {
        this(optimizer, nCopies(optimizer, Check.notNull(NAME, "factor", factor)));
    }

    /**
     * One factor per parameter group, in group order.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param factors as many as the optimizer has groups
     * @throws IllegalArgumentException if an argument is null, the count differs from the optimizer's groups, or a
     *                                  factor at epoch 0 is invalid
     */
    public LambdaLr(Optimizer optimizer, List<IntToDoubleFunction> factors) {
        super(NAME, optimizer);
        Check.notNull(NAME, "factors", factors);
        boolean hasNull = factors.stream().anyMatch(java.util.Objects::isNull);
        if (factors.size() != baseLrs.length || hasNull) {
            throw new IllegalArgumentException(NAME + ": expected " + baseLrs.length + " non-null factors (one per "
                    + "parameter group), got " + factors.size() + (hasNull ? " with a null" : ""));
        }
        this.factors = List.copyOf(factors);
        applyClosedForm();
    }

    private static List<IntToDoubleFunction> nCopies(Optimizer optimizer, IntToDoubleFunction f) {
        List<IntToDoubleFunction> out = new ArrayList<>();
        for (int g = 0; g < Check.notNull(NAME, "optimizer", optimizer).groupCount(); g++) {
            out.add(f);
        }
        return out;
    }

    /** Ends an epoch and sets each group's rate to its base rate times its factor at the new epoch. */
    @Override
    public void step() {
        lastEpoch++;
        applyClosedForm();
    }

    private double factor(int group, int epoch) {
        double f = factors.get(group).applyAsDouble(epoch);
        if (!(f >= 0 && f < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(NAME + ": the factor of group " + group + " at epoch " + epoch
                    + " is " + f + "; it must be finite and >= 0");
        }
        return f;
    }

    /** Sets group {@code g}'s rate with its own factor. */
    @Override
    void setGroup(int g) {
        optimizer.setLearningRate(g, baseLrs[g] * factor(g, lastEpoch));
    }

    @Override
    void exportState(Map<String, Double> out) {
        exportBaseLrs(out);
    }

    /** Reads the base rates; loading then sets the rates of the loaded epoch (whatever the optimizer held). */
    @Override
    Runnable importState(String op, Map<String, Double> state) {
        Runnable bases = importBaseLrs(op, state);
        return () -> {
            bases.run();
            applyClosedForm();
        };
    }
}
