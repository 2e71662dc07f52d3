package io.tinyforge.codegen.view;

import java.util.List;
import java.util.Map;

/**
 * Calls of one template with one argument set kept as const rows in {@code model.c}: C name part, template, the
 * first call's arguments (which pick the kernel variant), the row struct's fields, each row's initializers in
 * field order, and per argument slot the C expression the helper passes ({@code codegen.RowColumns}).
 */
public record RowGroupView(String name, String template, Map<String, Object> first, List<RowFieldView> fields,
        List<List<String>> values, Map<String, String> expr) {
}
