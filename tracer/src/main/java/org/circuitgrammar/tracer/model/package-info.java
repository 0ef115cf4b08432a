/**
 * Language models on DJL (PyTorch engine, CPU, float32, offline): llama2.c checkpoints and Hugging Face Llama / GPT-2
 * folders, the llama2.c tokenizer, run.c-compatible generation, and the activations the tracer and the transcoders
 * need.
 *
 * <pre>{@code
 * ModelFiles files = ModelFiles.locate(Path.of("../shared/models/stories260K"));
 * try (LanguageModel model = files.load()) {
 *     Llama2cTokenizer tokenizer = files.loadTokenizer(model.config().vocabSize());
 *     int[] ids = tokenizer.encode("Once upon a time", true, false);
 *     ForwardTrace trace = model.run(ids);
 *     float[][] x = trace.activations(Hook.MLP_IN, 2);     // [pos][d], the transcoder input at layer 2
 *     float[][] y = trace.activations(Hook.MLP_OUT, 2);    // [pos][d], its target
 *     double base = trace.meanNextTokenLoss();
 *     double spliced = model.run(ids, (layer, in, out) -> layer == 2 ? reconstruct(in) : null).meanNextTokenLoss();
 * }
 * }</pre>
 *
 * {@link org.circuitgrammar.tracer.model.DjlEngine} is the only place that creates root NDManagers; it sets
 * {@code ai.djl.offline=true} (and one PyTorch thread) before DJL's engine loads.
 */
package org.circuitgrammar.tracer.model;
