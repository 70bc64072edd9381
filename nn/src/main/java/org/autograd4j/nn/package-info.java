/**
 * Neural-network building blocks on top of {@code autograd-core}: {@link org.autograd4j.nn.Module} (parameters,
 * buffers, sub-modules, train/eval mode, state dicts, {@code summary()}), layers ({@link org.autograd4j.nn.Linear},
 * {@link org.autograd4j.nn.Sequential}, {@link org.autograd4j.nn.Mlp}, {@link org.autograd4j.nn.Dropout},
 * {@link org.autograd4j.nn.BatchNorm1d}, {@link org.autograd4j.nn.LayerNorm}, {@link org.autograd4j.nn.Flatten},
 * {@link org.autograd4j.nn.Embedding}), the
 * functional form of a module ({@link org.autograd4j.nn.Functional}) and
 * activation modules (chosen through {@link org.autograd4j.nn.Activation}), weight initialisers
 * ({@link org.autograd4j.nn.Init}), loss functions ({@link org.autograd4j.nn.Losses} and the
 * {@link org.autograd4j.nn.Loss} interface the training loop takes), and saving and loading whole models in a
 * versioned, checksummed file ({@link org.autograd4j.nn.io.ModelIO}) from which the architecture is rebuilt by
 * {@link org.autograd4j.nn.ModuleRegistry}. Tensors are batch-first: a layer takes {@code [batch, features]}.
 */
package org.autograd4j.nn;
