/* SPDX-License-Identifier: GPL-2.0 */
/*
 * head.S - the payload's entry, in the Linux image layout, and its first instructions.
 *
 * At entry the CPU runs in 64-bit mode with DAT off and every interrupt masked, but
 * nothing else is ours: set a stack, and a program-check new PSW so that a fault
 * stops the machine with a message instead of jumping into whatever was in memory.
 */
	.section .head, "ax"
	.globl	_head
_head:
	jg	_start			/* 0x10000: the firmware calls here */
	.org	_head + 8
	.ascii	"S390EP"		/* 0x10008: "this is a kernel image" */
	.byte	0, 0
	/*
	 * The parameter area up to the end of the command line (0x10480 + 896) is part of
	 * the image: qemu -kernel writes -append into the image, and only where it has one.
	 * 0x10430 (the kernel's command line size) stays 0: the classic 896 bytes.
	 */
	.org	_head + 0x800

	.section .text.start, "ax"
	.globl	_start
_start:
	larl	%r15, __stack_top
	aghi	%r15, -160
	/* program-check new PSW (0x1d0): 64-bit, disabled, at program_check_entry */
	larl	%r1, psw_64bit_disabled
	mvc	0x1d0(8, %r0), 0(%r1)
	larl	%r1, program_check_entry
	stg	%r1, 0x1d8(%r0)
	brasl	%r14, payload_main
	/* payload_main never returns; stop anyway */
	larl	%r1, psw_stop
	lpswe	0(%r1)

program_check_entry:
	larl	%r15, __stack_top
	aghi	%r15, -160
	brasl	%r14, payload_program_check
	larl	%r1, psw_stop
	lpswe	0(%r1)

	.section .rodata
	.align	8
psw_64bit_disabled:
	.quad	0x0000000180000000
psw_stop:
	.quad	0x0002000180000000, 0xdead
