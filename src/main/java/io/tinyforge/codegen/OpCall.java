package io.tinyforge.codegen;

import java.util.List;
import java.util.Map;

/**
 * One kernel call in the generated {@code model.c}: {@code template} names {@code templates/ops/<template>.ftl},
 * which renders the call from {@code args} (C expressions and numbers, e.g. "input" -&gt; "(const int8_t *)(arena +
 * 64)"); {@code kernelSources} lists the runtime-c files the call needs, relative to {@code runtime-c/src}
 * (e.g. "conv/tfg_conv2d_s8.c").
 */
public record OpCall(String template, Map<String, Object> args, List<String> kernelSources) {

    public OpCall {
        args = Map.copyOf(args);
        kernelSources = List.copyOf(kernelSources);
    }
}
