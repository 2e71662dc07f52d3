package io.tinyforge.cluster;

/**
 * How to cluster: {@code bits} N gives k = 2^N centroids (N in 2..8), one codebook per tensor or per output
 * channel, the initialisation, its seed (k-means++ only) and the most Lloyd iterations.
 */
public record ClusterOptions(int bits, boolean perChannel, Init init, long seed, int maxIterations) {

    /** Smallest and largest index width accepted. */
    public static final int MIN_BITS = 2;
    public static final int MAX_BITS = 8;

    public ClusterOptions {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be in " + MIN_BITS + ".." + MAX_BITS + ", not " + bits);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        if (init == null) {
            throw new IllegalArgumentException("init is required");
        }
    }

    /** Defaults: per tensor, linear initialisation, seed 0, at most 300 iterations. */
    public static ClusterOptions of(int bits) {
        return new ClusterOptions(bits, false, Init.LINEAR, 0, 300);
    }

    /** Number of centroids, 2^bits. */
    public int k() {
        return 1 << bits;
    }
}
