// Test oracle: evaluates gemmlowp's own fixed-point functions (Debian package libgemmlowp-dev) on raw int32
// values read from stdin and writes the raw int32 results to stdout, both little-endian.
// Usage: gemmlowp_oracle FUNCTION < inputs.bin > outputs.bin
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "gemmlowp/fixedpoint/fixedpoint.h"

using F0 = gemmlowp::FixedPoint<std::int32_t, 0>;
template <int N>
using F = gemmlowp::FixedPoint<std::int32_t, N>;

static std::int32_t eval(const char* fn, std::int32_t x) {
  if (!std::strcmp(fn, "exp5")) return gemmlowp::exp_on_negative_values(F<5>::FromRaw(x)).raw();
  if (!std::strcmp(fn, "exp4")) return gemmlowp::exp_on_negative_values(F<4>::FromRaw(x)).raw();
  if (!std::strcmp(fn, "exp6")) return gemmlowp::exp_on_negative_values(F<6>::FromRaw(x)).raw();
  if (!std::strcmp(fn, "one_over_one_plus_x"))
    return gemmlowp::one_over_one_plus_x_for_x_in_0_1(F0::FromRaw(x)).raw();
  if (!std::strcmp(fn, "one_minus_x_over_one_plus_x"))
    return gemmlowp::one_minus_x_over_one_plus_x_for_x_in_0_1(F0::FromRaw(x)).raw();
  if (!std::strcmp(fn, "tanh4")) return gemmlowp::tanh(F<4>::FromRaw(x)).raw();
  if (!std::strcmp(fn, "logistic4")) return gemmlowp::logistic(F<4>::FromRaw(x)).raw();
  std::fprintf(stderr, "unknown function %s\n", fn);
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  unsigned char b[4];
  while (std::fread(b, 1, 4, stdin) == 4) {
    std::uint32_t u = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<std::uint32_t>(b[3]) << 24);
    std::int32_t y = eval(argv[1], static_cast<std::int32_t>(u));
    std::uint32_t v = static_cast<std::uint32_t>(y);
    unsigned char o[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                          static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
    std::fwrite(o, 1, 4, stdout);
  }
  return 0;
}
