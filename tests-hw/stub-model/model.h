/*
 * Hand-written stand-in for a generated model (the API of docs/ARCHITECTURE.md), used to test the
 * firmware pipeline without the code generator. Two inputs of 16 bytes; output 0 = in0 + in1 + 1
 * per byte (mod 256), output 1 = the int32 sum of in0's signed bytes plus the call count since reset.
 * sha256 of nothing in particular: 0000000000000000000000000000000000000000000000000000000000000000
 */
#ifndef STUB_MODEL_H
#define STUB_MODEL_H

#define STUB_ARENA_BYTES 64
#define STUB_INPUT_COUNT 2
#define STUB_OUTPUT_COUNT 2
#define STUB_INPUT0_BYTES 16
#define STUB_INPUT1_BYTES 16
#define STUB_OUTPUT0_BYTES 16
#define STUB_OUTPUT1_BYTES 4

void *stub_input(int index);
const void *stub_output(int index);
void stub_reset(void);
int stub_invoke(void);

#endif
