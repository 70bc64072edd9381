package org.autograd4j.nn.optim;

import java.util.List;
import org.autograd4j.core.Tensor;

/**
 * The part every optimizer's builder shares: the parameters and the learning rate. {@code B} is the concrete
 * builder, so that the setters declared here return it and calls chain; {@code build()} stays in the concrete
 * builder, which checks nothing itself (the optimizer's constructor does).
 */
abstract class BaseBuilder<B extends BaseBuilder<B>> {
    /** The parameters of a builder made from a list; null for one made from groups. */
    final List<Tensor> params;
    /** The groups of a builder made from groups; null for one made from a list. */
    final List<ParamGroup> groups;
    double lr;

    BaseBuilder(List<Tensor> params, double lr) {
        this.params = params;
        this.groups = null;
        this.lr = lr;
    }

    /** A builder over groups; their values not set are this builder's. */
    BaseBuilder(String op, ParamGroup[] groups, double lr) {
        if (groups == null || groups.length == 0) {
            throw new IllegalArgumentException(op + ": no parameter groups given");
        }
        this.params = null;
        this.groups = java.util.Arrays.asList(groups.clone());
        this.lr = lr;
    }

    /**
     * The learning rate, {@code > 0}; the default is PyTorch's, as the optimizer's {@code builder} states. With
     * groups, the rate of every group that does not set its own.
     *
     * @param lr the learning rate
     * @return this builder
     */
    public B lr(double lr) {
        this.lr = lr;
        return self();
    }

    /** This builder as its concrete type: {@code B} is that type, as every subclass declares. */
    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }
}
