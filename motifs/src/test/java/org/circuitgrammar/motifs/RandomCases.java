package org.circuitgrammar.motifs;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded random cases for property-style JUnit tests: a fixed root seed per test, one split stream per case, so every
 * run checks the same cases and a failure names the case that broke.
 */
public final class RandomCases {
    private RandomCases() {
    }

    /** {@code count} cases, each drawn by {@code draw} from its own split of {@code new SplittableRandom(rootSeed)}. */
    public static Stream<Arguments> of(long rootSeed, int count, Function<SplittableRandom, Arguments> draw) {
        SplittableRandom root = new SplittableRandom(rootSeed);
        return IntStream.range(0, count).mapToObj(i -> draw.apply(root.split()));
    }

    /** A double in {@code [lo, hi]} that is exactly {@code lo} or {@code hi} one time in ten each, so ends get tested. */
    public static double doubleIncludingEnds(SplittableRandom r, double lo, double hi) {
        int pick = r.nextInt(10);
        return pick == 0 ? lo : pick == 1 ? hi : lo + (hi - lo) * r.nextDouble();
    }
}
