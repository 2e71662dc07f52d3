package io.tinyforge.codegen.view;

import java.util.List;

/**
 * One const array of {@code model_data.c} as the template sees it: C name, element type, element count,
 * the initializer split into lines of comma-separated literals, and a comment saying where it came from.
 */
public record ArrayView(String name, String cType, int length, List<String> lines, String comment) {
}
