/**
 * Optimizers, gradient clipping and learning-rate schedules: {@link org.autograd4j.nn.optim.Sgd},
 * {@link org.autograd4j.nn.optim.RmsProp}, {@link org.autograd4j.nn.optim.Adagrad},
 * {@link org.autograd4j.nn.optim.Adam} and {@link org.autograd4j.nn.optim.AdamW} update parameters in place with the
 * rules (defaults, hyper-parameters, first-step behaviour) of PyTorch's {@code torch.optim}, keep their state typed per
 * parameter and export it as an {@link org.autograd4j.nn.optim.OptimizerState} so a resumed run continues exactly;
 * {@link org.autograd4j.nn.optim.GradClip} clips gradients by norm or value as {@code torch.nn.utils} does; the
 * {@link org.autograd4j.nn.optim.LrScheduler} implementations change an optimizer's learning rate per epoch as
 * {@code torch.optim.lr_scheduler} does.
 *
 * <p>Updates are single fused loops over each parameter's {@code array()} (or {@code floatArray()}) and its
 * gradient's; FLOAT32 parameters are updated in double and rounded once per step (plain SGD computes in float, as
 * PyTorch does). Optimizer state is kept in float64 for every parameter: for FLOAT64 parameters a step equals
 * PyTorch's to float64 precision; for FLOAT32 ones it agrees to float32 precision (PyTorch keeps FLOAT32 state and
 * rounds after each operation).
 */
package org.autograd4j.nn.optim;
