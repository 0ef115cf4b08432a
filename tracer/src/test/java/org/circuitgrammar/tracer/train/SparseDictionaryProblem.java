package org.circuitgrammar.tracer.train;

import java.util.SplittableRandom;

/**
 * A synthetic problem with a known answer: each row switches on {@code active} of {@code atoms} ground-truth
 * features per layer with magnitudes in [1, 2); the input is their sum of random unit "read" directions and the
 * target the sum of random "write" directions — on its own layer only ({@code crossLayer = false}) or on its own
 * and every later layer (a cross-layer dictionary). A transcoder with at least {@code atoms} features can explain
 * the targets almost fully.
 */
final class SparseDictionaryProblem {
    private SparseDictionaryProblem() {
    }

    static ActivationSet generate(int layers, int d, int atoms, int active, int rows, boolean crossLayer,
                                  long dictionarySeed, long sampleSeed) {
        SplittableRandom rng = new SplittableRandom(dictionarySeed);
        float[][][] read = new float[layers][][];
        float[][][][] write = new float[layers][][][];
        for (int l = 0; l < layers; l++) {
            read[l] = unitRows(rng, atoms, d);
            write[l] = new float[layers][][];
            for (int t = l; t < layers; t++) {
                write[l][t] = unitRows(rng, atoms, d);
            }
        }
        rng = new SplittableRandom(sampleSeed);
        float[][] inputs = new float[layers][rows * d];
        float[][] targets = new float[layers][rows * d];
        for (int r = 0; r < rows; r++) {
            for (int l = 0; l < layers; l++) {
                for (int n = 0; n < active; n++) {
                    int atom = rng.nextInt(atoms);
                    float c = 1f + (float) rng.nextDouble();
                    for (int j = 0; j < d; j++) {
                        inputs[l][r * d + j] += c * read[l][atom][j];
                    }
                    for (int t = l; t < (crossLayer ? layers : l + 1); t++) {
                        for (int j = 0; j < d; j++) {
                            targets[t][r * d + j] += c * write[l][t][atom][j];
                        }
                    }
                }
            }
        }
        return new ActivationSet(rows, d, inputs, targets);
    }

    private static float[][] unitRows(SplittableRandom rng, int count, int d) {
        float[][] rows = new float[count][d];
        for (float[] row : rows) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                row[j] = (float) rng.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < d; j++) {
                row[j] /= (float) Math.sqrt(norm);
            }
        }
        return rows;
    }
}
