package io.tinyforge.codegen.view;

/** One entry of the step table in {@code model.c}: a row group's helper and the row it is called with. */
public record StepView(String group, int row) {
}
