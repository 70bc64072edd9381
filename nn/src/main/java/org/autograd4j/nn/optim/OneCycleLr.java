package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * The one-cycle policy (Smith and Topin, 2018), as PyTorch's {@code OneCycleLR}: every group's rate rises from
 * {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps} steps, then falls
 * to {@code maxLr / divFactor / finalDivFactor} by the last step, along a cosine (or linearly). With
 * {@code threePhase} it falls back to the initial rate symmetrically before the final decay. The optimizer's own
 * rates are replaced (building the scheduler sets the initial rate, as PyTorch does). It is stepped once per batch:
 * give {@code totalSteps} = epochs × batches per epoch, and step it per batch
 * ({@code FitConfig.Builder.lrScheduler(s, StepInterval.BATCH)}).
 *
 * <pre>{@code
 * new OneCycleLr(opt, 0.1, epochs * batchesPerEpoch);
 * OneCycleLr.builder(opt, 0.1, 1000).pctStart(0.25).anneal(OneCycleLr.Anneal.LINEAR).build();
 * }</pre>
 *
 * <p>As in PyTorch, the momentum ({@link Sgd}, {@link RmsProp}) or Adam's {@code beta1} cycles inversely by default,
 * from {@code maxMomentum} 0.95 down to {@code baseMomentum} 0.85 while the rate rises and back while it falls (an
 * Sgd built without momentum gets it); {@code cycleMomentum(false)} leaves it alone, and an optimizer without one
 * ({@link Adagrad}) needs that.
 *
 * <p><b>Note (the last step).</b> The {@code totalSteps}-th step sets the rate of a batch that never runs; PyTorch
 * 2.13 extends its curve there (with {@code totalSteps} 4 and {@code maxLr} 1: 0.283, rising again, with cosine
 * annealing; -0.357 with linear annealing, which our optimizers would refuse as a negative rate), while this scheduler
 * keeps the final rate {@code maxLr / divFactor / finalDivFactor} (and momentum). Every earlier value is PyTorch's.
 * One step more is refused as PyTorch refuses it ("Tried to step 5 times. The specified number of total steps is 4"),
 * except that the failed step changes nothing here (PyTorch has already counted it).
 */
public final class OneCycleLr extends BaseLrScheduler {
    /** How the rate moves within a phase. */
    public enum Anneal {
        /** Along half a cosine (PyTorch's {@code "cos"}, the default). */
        COS,
        /** Along a straight line (PyTorch's {@code "linear"}). */
        LINEAR
    }

    private static final String NAME = "OneCycleLr";

    private final int totalSteps;
    private final Anneal anneal;
    private final double divFactor;
    private final double finalDivFactor;
    /** The phases' last steps and, per phase, the start and end rates as multiples of {@code maxLr}. */
    private final double[] phaseEnds;
    private final double[][] phaseRates;
    /** Per phase, the start and end momentum, set when {@code cycleMomentum}. */
    private final double[][] phaseMomenta;
    private final boolean cycleMomentum;

    /**
     * A one-cycle schedule with PyTorch's defaults: {@code pctStart 0.3}, cosine, {@code divFactor 25},
     * {@code finalDivFactor 1e4}, two phases; the same {@code maxLr} for every group.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param maxLr      the peak rate, {@code > 0}
     * @param totalSteps the steps of the whole cycle, {@code >= 1}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public OneCycleLr(Optimizer optimizer, double maxLr, int totalSteps) {
        this(builder(optimizer, maxLr, totalSteps));
    }

    private OneCycleLr(Builder b) {
        super(NAME, b.optimizer);
        this.totalSteps = Check.atLeast(NAME, "totalSteps", b.totalSteps, 1);
        double pct = Check.fraction(NAME, "pctStart", b.pctStart);
        this.anneal = Check.notNull(NAME, "anneal", b.anneal);
        this.divFactor = Check.positive(NAME, "divFactor", b.divFactor);
        this.finalDivFactor = Check.positive(NAME, "finalDivFactor", b.finalDivFactor);
        double[] max = b.maxLrs != null ? b.maxLrs : new double[] {b.maxLr};
        if (max.length != 1 && max.length != baseLrs.length) {
            throw new IllegalArgumentException(NAME + ": expected one maxLr or " + baseLrs.length
                    + " (one per parameter group), got " + max.length);
        }
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = Check.positive(NAME, "maxLr", max[max.length == 1 ? 0 : g]);
        }
        double init = 1 / divFactor;
        double min = init / finalDivFactor;
        this.cycleMomentum = b.cycleMomentum;
        double base = b.baseMomentum;
        double top = b.maxMomentum;
        if (b.cycleMomentum) {
            Check.nonNegative(NAME, "baseMomentum", base);
            Check.nonNegative(NAME, "maxMomentum", top);
            if (optimizer.momentum(0).isEmpty()) {
                throw new IllegalArgumentException(NAME + ": cycleMomentum needs an optimizer with a momentum or beta1"
                        + " (Sgd, RmsProp, Adam, AdamW); " + optimizer.getClass().getSimpleName()
                        + " has neither; build with cycleMomentum(false)");
            }
        }
        if (b.threePhase) {
            phaseEnds = new double[] {pct * totalSteps - 1, 2 * pct * totalSteps - 2, totalSteps - 1};
            phaseRates = new double[][] {{init, 1}, {1, init}, {init, min}};
            phaseMomenta = new double[][] {{top, base}, {base, top}, {top, top}};
        } else {
            phaseEnds = new double[] {pct * totalSteps - 1, totalSteps - 1};
            phaseRates = new double[][] {{init, 1}, {1, min}};
            phaseMomenta = new double[][] {{top, base}, {base, top}};
        }
        applyClosedForm();
    }

    /**
     * A builder; defaults as {@link #OneCycleLr(Optimizer, double, int)}.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param maxLr      the peak rate of every group, {@code > 0}
     * @param totalSteps the steps of the whole cycle, {@code >= 1}
     * @return the builder
     */
    public static Builder builder(Optimizer optimizer, double maxLr, int totalSteps) {
        return new Builder(optimizer, maxLr, totalSteps);
    }

    /**
     * Ends a step and sets each group's rate at the new step.
     *
     * @throws IllegalStateException on a step past {@code totalSteps} (as PyTorch: the cycle is over), leaving the
     *     schedule as it was
     */
    @Override
    public void step() {
        if (lastEpoch >= totalSteps) {
            throw new IllegalStateException(NAME + ": tried to step " + (lastEpoch + 1) + " times; the specified"
                    + " number of total steps is " + totalSteps + " (give totalSteps = epochs × batches per epoch and"
                    + " step once per batch)");
        }
        lastEpoch++;
        applyClosedForm();
    }

    /** The rate at {@code step} for a group whose peak is {@code maxLr}. */
    @Override
    double lrAt(double maxLr, int step) {
        return at(step, phaseRates, maxLr);
    }

    /** Sets group {@code g}'s rate and, when cycling, its momentum, for the current step. */
    @Override
    void setGroup(int g) {
        super.setGroup(g);
        if (cycleMomentum) {
            optimizer.setMomentum(g, at(lastEpoch, phaseMomenta, 1));
        }
    }

    /**
     * The value at {@code step} of a schedule whose phases go from {@code ends[i][0]} to {@code ends[i][1]} times
     * {@code scale}, found phase by phase as PyTorch does.
     */
    private double at(int step, double[][] ends, double scale) {
        double start = 0;
        for (int i = 0; i < phaseEnds.length; i++) {
            double end = phaseEnds[i];
            if (step <= end || i == phaseEnds.length - 1) {
                // past the last phase (step totalSteps, whose rate no batch uses) the final value holds; see the note
                double pct = Math.min(1, (step - start) / (end - start));
                double from = scale * ends[i][0];
                double to = scale * ends[i][1];
                return anneal == Anneal.COS ? to + (from - to) / 2.0 * (Math.cos(Math.PI * pct) + 1)
                        : (to - from) * pct + from;
            }
            start = end;
        }
        throw new IllegalStateException(NAME + ": no phase for step " + step + " (a bug)");
    }

    /** Loading sets the rates of the loaded step (whatever the optimizer held). */
    @Override
    Runnable importState(String op, Map<String, Double> state) {
        return this::applyClosedForm;
    }

    /** Options of a {@link OneCycleLr}, checked by {@link #build()}. */
    public static final class Builder {
        private final Optimizer optimizer;
        private final double maxLr;
        private final int totalSteps;
        private double[] maxLrs;
        private double pctStart = 0.3;
        private Anneal anneal = Anneal.COS;
        private double divFactor = 25;
        private double finalDivFactor = 1e4;
        private boolean threePhase;
        private boolean cycleMomentum = true;
        private double baseMomentum = 0.85;
        private double maxMomentum = 0.95;

        private Builder(Optimizer optimizer, double maxLr, int totalSteps) {
            this.optimizer = optimizer;
            this.maxLr = maxLr;
            this.totalSteps = totalSteps;
        }

        /**
         * One peak rate per parameter group, in group order (PyTorch's list {@code max_lr}).
         *
         * @param maxLrs each {@code > 0}
         * @return this builder
         */
        public Builder maxLrPerGroup(double... maxLrs) {
            this.maxLrs = maxLrs == null ? null : maxLrs.clone();
            return this;
        }

        /**
         * The share of the steps spent rising, in [0, 1]; default 0.3.
         *
         * @param pctStart the share
         * @return this builder
         */
        public Builder pctStart(double pctStart) {
            this.pctStart = pctStart;
            return this;
        }

        /**
         * Cosine or linear moves; default {@link Anneal#COS}.
         *
         * @param anneal the shape of every phase
         * @return this builder
         */
        public Builder anneal(Anneal anneal) {
            this.anneal = anneal;
            return this;
        }

        /**
         * The initial rate is {@code maxLr / divFactor}; default 25.
         *
         * @param divFactor {@code > 0}
         * @return this builder
         */
        public Builder divFactor(double divFactor) {
            this.divFactor = divFactor;
            return this;
        }

        /**
         * The final rate is the initial rate divided by this; default 1e4.
         *
         * @param finalDivFactor {@code > 0}
         * @return this builder
         */
        public Builder finalDivFactor(double finalDivFactor) {
            this.finalDivFactor = finalDivFactor;
            return this;
        }

        /**
         * Three phases (up, back down to the initial rate, then the final decay) instead of two; default false.
         *
         * @param threePhase whether to use three phases
         * @return this builder
         */
        public Builder threePhase(boolean threePhase) {
            this.threePhase = threePhase;
            return this;
        }

        /**
         * Whether to cycle the momentum (or beta1) inversely to the rate; default true, as PyTorch.
         *
         * @param cycleMomentum whether to cycle it
         * @return this builder
         */
        public Builder cycleMomentum(boolean cycleMomentum) {
            this.cycleMomentum = cycleMomentum;
            return this;
        }

        /**
         * The momentum range: {@code max} at the start and the end, {@code base} at the peak rate; default
         * (0.85, 0.95).
         *
         * @param base the lowest momentum, {@code >= 0}
         * @param max  the highest momentum, {@code >= 0}
         * @return this builder
         */
        public Builder momentumRange(double base, double max) {
            this.baseMomentum = base;
            this.maxMomentum = max;
            return this;
        }

        /**
         * The scheduler; building it sets every group's initial rate (and momentum).
         *
         * @return the scheduler
         * @throws IllegalArgumentException naming the first invalid option and its value
         */
        public OneCycleLr build() {
            return new OneCycleLr(this);
        }
    }
}
