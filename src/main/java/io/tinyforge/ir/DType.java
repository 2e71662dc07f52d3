package io.tinyforge.ir;

/** Element types a tensor can hold, with their size in bytes and C type name. */
public enum DType {
    FLOAT32(4, "float"),
    FLOAT16(2, "uint16_t"),
    INT32(4, "int32_t"),
    UINT8(1, "uint8_t"),
    INT64(8, "int64_t"),
    INT16(2, "int16_t"),
    INT8(1, "int8_t"),
    BOOL(1, "uint8_t");

    private final int size;
    private final String cType;

    DType(int size, String cType) {
        this.size = size;
        this.cType = cType;
    }

    /** Bytes per element. */
    public int size() {
        return size;
    }

    /** The C99 type that stores one element. */
    public String cType() {
        return cType;
    }

    /** Lower-case name as used in reports and golden json files ("int8", "float32"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
