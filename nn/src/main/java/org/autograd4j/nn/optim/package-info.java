/**
 * Optimizers, gradient clipping and learning-rate schedules: {@link org.autograd4j.nn.optim.Sgd},
 * {@link org.autograd4j.nn.optim.RmsProp}, {@link org.autograd4j.nn.optim.Adagrad},
 * {@link org.autograd4j.nn.optim.Adam} and {@link org.autograd4j.nn.optim.AdamW} update parameters in place with the
 * rules (defaults, hyper-parameters, first-step behaviour) of PyTorch's {@code torch.optim}, keep their state typed per
 * parameter (in {@link org.autograd4j.nn.optim.ParamGroup}s with their own hyper-parameters, if given) and export
 * it as an {@link org.autograd4j.nn.optim.OptimizerState} so a resumed run continues exactly;
 * {@link org.autograd4j.nn.optim.GradClip} clips gradients by norm or value as {@code torch.nn.utils} does; the
 * {@link org.autograd4j.nn.optim.LrScheduler} implementations change every group's learning rate per epoch or per
 * batch as {@code torch.optim.lr_scheduler} does.
 *
 * <p>Updates are single fused loops over each parameter's {@code array()} (or {@code floatArray()}) and its
 * gradient's. For FLOAT64 parameters state and arithmetic are float64 and a step equals PyTorch's to float64
 * precision. For FLOAT32 parameters SGD (momentum and Nesterov included), Adam and AdamW compute in float with float
 * state, as PyTorch does; the other rules keep float64 state, update double copies and round once per step.
 */
package org.autograd4j.nn.optim;
