package io.tinyforge.codegen.view;

/** One field of a const row struct in {@code model.c}: C type and name. */
public record RowFieldView(String type, String name) {
}
