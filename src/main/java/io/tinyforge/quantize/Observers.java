package io.tinyforge.quantize;

import java.util.List;
import java.util.function.Supplier;

/** Observer factory by calibration-method name: minmax, moving-average, percentile, mse. */
public final class Observers {
    /** Accepted names, in help-text order. */
    public static final List<String> NAMES = List.of("minmax", "moving-average", "percentile", "mse");

    private Observers() {
    }

    /** A factory for the named method; {@link IllegalArgumentException} naming the accepted ones otherwise. */
    public static Supplier<Observer> byName(String name) {
        return switch (name) {
            case "minmax" -> MinMaxObserver::new;
            case "moving-average" -> MovingAverageObserver::new;
            case "percentile" -> PercentileObserver::new;
            case "mse" -> MseObserver::new;
            default -> throw new IllegalArgumentException("unknown calibration method '" + name + "'; use one of "
                    + String.join(", ", NAMES));
        };
    }
}
