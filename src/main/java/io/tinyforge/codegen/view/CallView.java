package io.tinyforge.codegen.view;

import java.util.Map;

/** One operator's call in {@code <name>_invoke()}: step, type, tensors, template and its args. */
public record CallView(int index, String type, String summary, String template, Map<String, Object> args) {
}
