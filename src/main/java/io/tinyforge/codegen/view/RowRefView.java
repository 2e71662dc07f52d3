package io.tinyforge.codegen.view;

/** Where one operator's call parameters are: the row group's C name part and the row index. */
public record RowRefView(String group, int row) {
}
