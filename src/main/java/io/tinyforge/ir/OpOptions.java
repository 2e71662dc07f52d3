package io.tinyforge.ir;

/** Marker for the per-operator option records (one record per option kind, see this package). */
public interface OpOptions {
}
