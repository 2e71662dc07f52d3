<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * The test firmware's input vectors: FW_VECTOR_COUNT records of all input tensors concatenated.
 */
#ifndef FW_VECTORS_H
#define FW_VECTORS_H

#include <stdint.h>

#define FW_VECTOR_COUNT [=vectors.count?c]u
#define FW_VECTOR_INPUT_BYTES [=vectors.inputBytes?c]u
#define FW_VECTOR_OUTPUT_BYTES [=vectors.outputBytes?c]u

extern const uint8_t fw_vector_inputs[FW_VECTOR_COUNT * FW_VECTOR_INPUT_BYTES];

#endif
