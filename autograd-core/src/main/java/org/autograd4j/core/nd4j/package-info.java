/**
 * Interoperation with ND4J: {@link org.autograd4j.core.nd4j.Nd4jInterop} copies values between
 * {@link org.autograd4j.core.Tensor} and ND4J's {@code INDArray}. ND4J is an optional dependency: only code that uses
 * this package needs it on the classpath.
 */
package org.autograd4j.core.nd4j;
