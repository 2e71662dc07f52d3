/*
 * tinyforge runtime: decoding of entropy-coded sparse weights (tfg_sparse_coded, docs/PRUNING.md), shared by
 * tfg_conv2d_spc_s8 and tfg_fully_connected_spc_s8. The decoder state is the bit position and the flat filter
 * position of the last non-zero weight; a row (output channel) of `len` weights starting at flat position
 * `row0` is decoded by tfg_spc_next until it reports the row's end, which leaves the state at the next row's
 * start (the gap that reached past the row is read again there).
 */
#ifndef TFG_SPARSE_CODED_H
#define TFG_SPARSE_CODED_H

#include <stdint.h>
#include "tfg_types.h"

typedef struct {
    uint32_t bit;  /* next bit of the stream */
    int32_t prev;  /* flat position of the last decoded non-zero weight (-1 before the first) */
} tfg_spc_state;

static inline uint32_t tfg_spc_bit(const uint8_t *bits, uint32_t *pos)
{
    const uint32_t p = *pos;
    *pos = p + 1u;
    return ((uint32_t)bits[p >> 3] >> (p & 7u)) & 1u;
}

/*
 * The next non-zero weight of the row ending before flat position `end`: returns 1 with its flat position in
 * *at and its value in *w, or 0 at the row's end (state unchanged, so the next row starts there).
 */
static inline int tfg_spc_next(const tfg_sparse_coded *f, tfg_spc_state *s, int32_t end, int32_t *at, int32_t *w)
{
    const uint8_t *bits = f->bits;
    const uint32_t k = f->table[0];
    const uint32_t max_len = f->table[1];
    uint32_t pos = s->bit;
    uint32_t gap = 0;
    uint32_t i;
    int32_t code = 0;
    int32_t first = 0;
    int32_t index = 0;
    int32_t here;
    while (tfg_spc_bit(bits, &pos) != 0u) {
        ++gap;
    }
    gap <<= k;
    for (i = 0; i < k; ++i) {
        gap |= tfg_spc_bit(bits, &pos) << i;
    }
    here = s->prev + (int32_t)gap + 1;
    if (here >= end) {
        return 0;
    }
    for (i = 1; i <= max_len; ++i) {
        const int32_t count = f->table[1 + i];
        code |= (int32_t)tfg_spc_bit(bits, &pos);
        if (code - first < count) {
            *w = f->symbols[index + code - first];
            break;
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    if (i > max_len) {
        *w = 0; /* not a valid code: never produced by the generator */
    }
    s->bit = pos;
    s->prev = here;
    *at = here;
    return 1;
}

#endif /* TFG_SPARSE_CODED_H */
