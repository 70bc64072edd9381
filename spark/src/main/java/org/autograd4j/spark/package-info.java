/**
 * Data-parallel training of {@code nn} models on Apache Spark: {@link org.autograd4j.spark.TrainingData} caches the
 * rows as dense blocks per partition, {@link org.autograd4j.spark.DataParallelTrainer} trains synchronously (one
 * aggregated gradient per step, the same answer as one machine on the same {@link org.autograd4j.spark.BatchPlan}
 * batches) or by parameter averaging, with checkpoints and resumption on the driver.
 */
package org.autograd4j.spark;
