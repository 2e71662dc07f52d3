package io.tinyforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** TFLM golden vectors of one model: N input records, N output records, and vector 0's intermediates. */
public record Golden(String model, int count, int inputBytes, int outputBytes, byte[] inputs, byte[] outputs,
        List<Intermediate> intermediates, byte[] intermediateBytes) {

    /** One non-constant tensor after vector 0: its tensor index and bytes. */
    public record Intermediate(int tensorIndex, String name, String dtype, int offset, int bytes) {
    }

    static Golden load(Path dir, String name) {
        try {
            JsonNode j = new ObjectMapper().readTree(dir.resolve(name + ".vectors.json").toFile());
            int n = j.get("num_vectors").asInt();
            int ib = j.get("input_bytes_per_vector").asInt();
            int ob = j.get("output_bytes_per_vector").asInt();
            byte[] in = Files.readAllBytes(dir.resolve(j.get("inputs_file").asText()));
            byte[] out = Files.readAllBytes(dir.resolve(j.get("outputs_file").asText()));
            List<Intermediate> inter = new ArrayList<>();
            JsonNode it = j.get("intermediates");
            byte[] interBytes = Files.readAllBytes(dir.resolve(it.get("file").asText()));
            for (JsonNode t : it.get("tensors")) {
                inter.add(new Intermediate(t.get("tensor_index").asInt(), t.get("name").asText(),
                        t.get("dtype").asText(), t.get("offset").asInt(), t.get("bytes").asInt()));
            }
            return new Golden(name, n, ib, ob, in, out, List.copyOf(inter), interBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] input(int v) {
        return Arrays.copyOfRange(inputs, v * inputBytes, (v + 1) * inputBytes);
    }

    public byte[] output(int v) {
        return Arrays.copyOfRange(outputs, v * outputBytes, (v + 1) * outputBytes);
    }

    public byte[] intermediate(Intermediate t) {
        return Arrays.copyOfRange(intermediateBytes, t.offset(), t.offset() + t.bytes());
    }
}
