/**
 * Optimizers, gradient clipping and learning-rate schedules: {@link org.autograd4j.nn.optim.Sgd},
 * {@link org.autograd4j.nn.optim.RmsProp}, {@link org.autograd4j.nn.optim.Adagrad},
 * {@link org.autograd4j.nn.optim.Adam} and {@link org.autograd4j.nn.optim.AdamW} update parameters in place with the
 * rules (defaults, hyper-parameters, first-step behaviour) of PyTorch's {@code torch.optim}, keep their state typed per
 * parameter and export it as an {@link org.autograd4j.nn.optim.OptimizerState} so a resumed run continues exactly;
 * {@link org.autograd4j.nn.optim.GradClip} clips gradients by norm or value as {@code torch.nn.utils} does; the
 * {@link org.autograd4j.nn.optim.LrScheduler} implementations change an optimizer's learning rate per epoch as
 * {@code torch.optim.lr_scheduler} does.
 */
package org.autograd4j.nn.optim;
