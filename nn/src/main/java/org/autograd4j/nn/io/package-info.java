/**
 * Model files: {@link org.autograd4j.nn.io.ModelIO} saves a model (its architecture, weights, optimizer and scheduler
 * state, metadata) to one versioned, checksummed file and loads it back as a
 * {@link org.autograd4j.nn.io.Checkpoint}, rebuilding the architecture with
 * {@link org.autograd4j.nn.ModuleRegistry}. A file that cannot be read fails with a
 * {@link org.autograd4j.nn.io.ModelFormatException} naming the file and the problem. The byte layout is documented on
 * {@code ModelIO}; {@code ModelEncoder} writes it and {@code ModelDecoder} reads it.
 */
package org.autograd4j.nn.io;
