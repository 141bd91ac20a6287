package kensaku;

/**
 * The seed of the randomised tests. Fixed by default so a build is reproducible; {@code -Dkensaku.test.seed=N}
 * replays a failure, {@code -Dkensaku.test.seed=random} explores new inputs (how the path-parameter bug was found).
 */
public final class FuzzSeed {
    private static final long DEFAULT = 20_261_124L;

    private FuzzSeed() {}

    public static long get() {
        String value = System.getProperty("kensaku.test.seed", "");
        if (value.isBlank()) {
            return DEFAULT;
        }
        return value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    }
}
