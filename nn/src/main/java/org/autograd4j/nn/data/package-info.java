/**
 * Getting data into a model: a {@link org.autograd4j.nn.data.Dataset} of feature and label tensors, read from CSV by
 * {@link org.autograd4j.nn.data.Csv}, split by {@link org.autograd4j.nn.data.Splits} (stratified for classification,
 * reproducible from a seed), scaled by a {@link org.autograd4j.nn.data.Scaler} fitted on the training split only,
 * one-hot encoded by {@link org.autograd4j.nn.data.OneHot}, and served in mini-batches by a
 * {@link org.autograd4j.nn.data.DataLoader}. Nothing here records autograd operations: data are plain leaf tensors.
 */
package org.autograd4j.nn.data;
