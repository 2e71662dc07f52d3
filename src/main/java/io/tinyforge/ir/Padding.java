package io.tinyforge.ir;

/** Spatial padding scheme of convolutions and pools. */
public enum Padding {
    SAME, VALID
}
