package org.autograd4j.nn.optim;

/**
 * The hyper-parameters a {@link ParamGroup} may set for its parameters, each with its {@link OptimizerState} name
 * (PyTorch's). Booleans are held as 0 or 1, as the state holds them.
 */
enum Hyper {
    LR("lr"),
    MOMENTUM("momentum"),
    DAMPENING("dampening"),
    NESTEROV("nesterov"),
    WEIGHT_DECAY("weight_decay"),
    BETA1("beta1"),
    BETA2("beta2"),
    EPS("eps"),
    AMSGRAD("amsgrad"),
    ALPHA("alpha"),
    CENTERED("centered"),
    LR_DECAY("lr_decay"),
    INITIAL_ACCUMULATOR_VALUE("initial_accumulator_value");

    /** The name in {@link OptimizerState} and in messages. */
    final String key;

    Hyper(String key) {
        this.key = key;
    }
}
