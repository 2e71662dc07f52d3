package io.tinyforge.cluster;

import java.util.Locale;

/** How k-means picks its starting centroids. */
public enum Init {
    /** k centroids evenly spaced between the smallest and the largest value. */
    LINEAR("linear"),
    /** k-means++ (Arthur and Vassilvitskii): each next centroid drawn with probability proportional to D^2. */
    KMEANS_PP("kmeans++");

    private final String label;

    Init(String label) {
        this.label = label;
    }

    /** The command-line spelling ("linear", "kmeans++"). */
    public String label() {
        return label;
    }

    /** Parses a command-line spelling; null when unknown. */
    public static Init parse(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        for (Init i : values()) {
            if (i.label.equals(l) || i.name().toLowerCase(Locale.ROOT).equals(l)) {
                return i;
            }
        }
        return null;
    }
}
