#include "textflag.h"

// func addRow(acc *[256]int32, row []uint32)
// Each entry of row is class<<16 | uint16(weight), little-endian: bytes 0-1
// hold the weight, byte 2 the class (below 256, as the caller guarantees).
// For each entry: acc[class] += int32(weight), four entries per step.
TEXT ·addRow(SB), NOSPLIT, $0-32
	MOVQ acc+0(FP), DI
	MOVQ row_base+8(FP), SI
	MOVQ row_len+16(FP), CX
	CMPQ CX, $4
	JLT  tail

loop4:
	MOVBLZX 2(SI), AX
	MOVWLSX 0(SI), BX
	ADDL    BX, (DI)(AX*4)
	MOVBLZX 6(SI), R8
	MOVWLSX 4(SI), R9
	ADDL    R9, (DI)(R8*4)
	MOVBLZX 10(SI), R10
	MOVWLSX 8(SI), R11
	ADDL    R11, (DI)(R10*4)
	MOVBLZX 14(SI), R12
	MOVWLSX 12(SI), R13
	ADDL    R13, (DI)(R12*4)
	ADDQ    $16, SI
	SUBQ    $4, CX
	CMPQ    CX, $4
	JGE     loop4

tail:
	TESTQ CX, CX
	JEQ   done

loop1:
	MOVBLZX 2(SI), AX
	MOVWLSX 0(SI), BX
	ADDL    BX, (DI)(AX*4)
	ADDQ    $4, SI
	DECQ    CX
	JNE     loop1

done:
	RET
