/*
 * tinyforge QEMU TCG plugin (plugin API version 1, QEMU 7.2): counts the guest instructions executed
 * between each execution of a start address and the next execution of a stop address, and writes one
 * line "interval <k> <count>" per start..stop pair. The firmware calls two noinline marker functions
 * around each inference; their addresses come from arm-none-eabi-nm.
 *
 * Arguments: start=ADDR, stop=ADDR (Thumb bit ignored), out=FILE (default: QEMU log via -d plugin).
 * Build: gcc -shared -fPIC -O2 -Wall -Wextra -o libtfg_insnmark.so tfg_insnmark.c
 *
 * The few API declarations are written out here (from the documented API v1) so that no QEMU headers
 * are needed; Debian's qemu-system-arm exports these symbols but ships no plugin headers.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t; /* only passed through, never read */
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS, QEMU_PLUGIN_CB_R_REGS, QEMU_PLUGIN_CB_RW_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_vcpu_udata_cb_t)(unsigned int vcpu_index, void *userdata);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
struct qemu_plugin_insn *qemu_plugin_tb_get_insn(const struct qemu_plugin_tb *tb, size_t idx);
uint64_t qemu_plugin_insn_vaddr(const struct qemu_plugin_insn *insn);
void qemu_plugin_register_vcpu_insn_exec_inline(struct qemu_plugin_insn *insn, enum qemu_plugin_op op,
                                                void *ptr, uint64_t imm);
void qemu_plugin_register_vcpu_insn_exec_cb(struct qemu_plugin_insn *insn, qemu_plugin_vcpu_udata_cb_t cb,
                                            enum qemu_plugin_cb_flags flags, void *userdata);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);
void qemu_plugin_outs(const char *string);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

static uint64_t executed;      /* every guest instruction, incremented inline */
static uint64_t start_addr = UINT64_MAX, stop_addr = UINT64_MAX;
static uint64_t started_at;
static bool inside;
static unsigned intervals;
static FILE *out;

static void emit(const char *line)
{
    if (out != NULL) {
        fputs(line, out);
        fflush(out);
    } else {
        qemu_plugin_outs(line);
    }
}

static void on_start(unsigned int vcpu, void *udata)
{
    (void)vcpu;
    (void)udata;
    started_at = executed;
    inside = true;
}

static void on_stop(unsigned int vcpu, void *udata)
{
    char line[80];
    (void)vcpu;
    (void)udata;
    if (!inside) {
        return;
    }
    inside = false;
    snprintf(line, sizeof line, "interval %u %" PRIu64 "\n", intervals++, executed - started_at);
    emit(line);
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
    size_t n = qemu_plugin_tb_n_insns(tb);
    (void)id;
    for (size_t i = 0; i < n; i++) {
        struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
        uint64_t pc = qemu_plugin_insn_vaddr(insn) & ~(uint64_t)1;
        if (pc == start_addr) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_start, QEMU_PLUGIN_CB_NO_REGS, NULL);
        } else if (pc == stop_addr) {
            qemu_plugin_register_vcpu_insn_exec_cb(insn, on_stop, QEMU_PLUGIN_CB_NO_REGS, NULL);
        }
        qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &executed, 1);
    }
}

static void on_plugin_exit(qemu_plugin_id_t id, void *udata)
{
    char line[80];
    (void)id;
    (void)udata;
    snprintf(line, sizeof line, "total %" PRIu64 "\n", executed);
    emit(line);
    if (out != NULL) {
        fclose(out);
        out = NULL;
    }
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)info;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "start=", 6) == 0) {
            start_addr = strtoull(argv[i] + 6, NULL, 0) & ~(uint64_t)1;
        } else if (strncmp(argv[i], "stop=", 5) == 0) {
            stop_addr = strtoull(argv[i] + 5, NULL, 0) & ~(uint64_t)1;
        } else if (strncmp(argv[i], "out=", 4) == 0) {
            out = fopen(argv[i] + 4, "w");
            if (out == NULL) {
                fprintf(stderr, "tfg_insnmark: cannot write %s\n", argv[i] + 4);
                return -1;
            }
        } else {
            fprintf(stderr, "tfg_insnmark: unknown argument %s (start=, stop=, out=)\n", argv[i]);
            return -1;
        }
    }
    if (start_addr == UINT64_MAX || stop_addr == UINT64_MAX) {
        fprintf(stderr, "tfg_insnmark: start= and stop= are required\n");
        return -1;
    }
    qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
    qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
    return 0;
}
