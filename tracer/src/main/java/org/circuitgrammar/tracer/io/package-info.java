/**
 * Tensor files: safetensors reading and writing (F32, F16, BF16; half types converted in Java, never as DJL BF16
 * tensors), float tensors held in Java, atomic file writes, and the one-line file error
 * {@link org.circuitgrammar.tracer.io.InvalidModelFileException}.
 */
package org.circuitgrammar.tracer.io;
