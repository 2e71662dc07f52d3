package io.tinyforge.firmware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Input vectors embedded in the test firmware: {@code count} records of {@code inputBytes} bytes (all input
 * tensors concatenated), the output record size, and a one-line note of where they came from.
 */
public record TestVectors(int count, int inputBytes, int outputBytes, byte[] inputs, String source) {

    public TestVectors {
        if (inputs.length != (long) count * inputBytes) {
            throw new IllegalArgumentException("input file holds " + inputs.length + " bytes, not a whole number of "
                    + inputBytes + "-byte records");
        }
        inputs = inputs.clone();
    }

    /** Splits a record file (as for {@code run --input}) into vectors of the model's input record size. */
    public static TestVectors of(ModelApi api, byte[] records, String source) {
        int rec = (int) api.inputRecordBytes();
        if (rec == 0 || records.length == 0 || records.length % rec != 0) {
            throw new io.tinyforge.ir.ModelException("input holds " + records.length + " bytes, not a whole number of "
                    + rec + "-byte input records of model " + api.name());
        }
        return new TestVectors(records.length / rec, rec, (int) api.outputRecordBytes(), records, source);
    }

    @Override
    public byte[] inputs() {
        return inputs.clone();
    }

    /** The input bytes as unsigned values in rows of 16, for the template. */
    public List<List<Integer>> rows() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < inputs.length; i += 16) {
            List<Integer> row = new ArrayList<>(16);
            for (int k = i; k < Math.min(i + 16, inputs.length); k++) {
                row.add(inputs[k] & 0xff);
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestVectors t && t.count == count && t.inputBytes == inputBytes
                && t.outputBytes == outputBytes && Arrays.equals(t.inputs, inputs) && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(inputs) * 31 + count;
    }

    @Override
    public String toString() {
        return "TestVectors[" + count + " x " + inputBytes + " bytes, " + source + "]";
    }
}
