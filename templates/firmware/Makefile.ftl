<#import "_header.ftl" as h>
<@h.banner c="#"/>
# Builds the test firmware for [=board.name] ([=board.core]) with arm-none-eabi-gcc.
#   make            -> build/[=model.name].elf (and its section sizes)
#   make sizing     -> build/[=model.name]-sizing.elf linked with unbounded memories (measures a misfit)
<#if board.qemuMachine??>
#   make run        -> runs it in qemu-system-arm -M [=board.qemuMachine]
</#if>

NAME     := [=model.name]
CC       := arm-none-eabi-gcc
SIZE     := arm-none-eabi-size
BUILD    ?= build
LDSCRIPT ?= link.ld
ELF      ?= $(BUILD)/$(NAME).elf
CPUFLAGS := [=board.cpuFlags?join(" ")]
CFLAGS   := $(CPUFLAGS) -std=c99 -O2 -g -ffp-contract=off -ffunction-sections -fdata-sections -Wall -Wextra -Werror -pedantic
LDFLAGS  := $(CPUFLAGS) --specs=nano.specs -nostartfiles -Wl,--gc-sections
SRCS     := $(sort $(wildcard *.c))
OBJS     := $(SRCS:%.c=$(BUILD)/%.o)
# Run once per inference or on few elements: compiled for size (the model's hot kernels keep -O2).
SIZE_SRCS := [=sizeSources?join(" ")]

.PHONY: all sizing run clean

all: $(ELF)

$(BUILD):
	mkdir -p $(BUILD)

$(BUILD)/%.o: %.c $(wildcard *.h) | $(BUILD)
	$(CC) $(CFLAGS) -c $< -o $@

$(SIZE_SRCS:%.c=$(BUILD)/%.o): CFLAGS += -Os

$(ELF): $(OBJS) $(LDSCRIPT)
	$(CC) $(LDFLAGS) -T $(LDSCRIPT) -Wl,-Map=$(ELF:.elf=.map) $(OBJS) -o $@ -lc -lgcc
	$(SIZE) $@

sizing:
	$(MAKE) ELF=$(BUILD)/$(NAME)-sizing.elf LDSCRIPT=link_sizing.ld

<#if board.qemuMachine??>
run: $(ELF)
<#if board.console.semihosting>
	qemu-system-arm -M [=board.qemuMachine] -display none -monitor none -serial none -chardev stdio,id=sh0 \
	    -semihosting-config enable=on,target=native,chardev=sh0 -kernel $(ELF)
<#else>
	@echo "the program ends with an EXIT line and then sleeps: stop qemu with Ctrl-A X"
	qemu-system-arm -M [=board.qemuMachine] -display none -monitor none -serial stdio -kernel $(ELF)
</#if>
<#else>
run:
	@echo "[=board.name] has no QEMU machine: flash build/$(NAME).elf to the board<#if board.renodePlatform??> or run [=model.name].resc in Renode</#if>"
</#if>

clean:
	rm -rf $(BUILD)
