package io.tinyforge.codegen.view;

import java.util.List;
import java.util.Map;

/** Calls of one template with one argument set kept as const rows in {@code model.c}: C name part, template, rows. */
public record RowGroupView(String name, String template, Map<String, Object> first, List<Map<String, Object>> rows) {
}
