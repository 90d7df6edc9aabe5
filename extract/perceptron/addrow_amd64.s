#include "textflag.h"

// func addRows(acc *[256]int32, data, starts []uint32)
// For each start s in starts, data[s] is a count n and data[s+1:s+1+n] are
// entries class<<16 | uint16(weight), little-endian: bytes 0-1 hold the
// weight, byte 2 the class (below 256, as the caller guarantees). For each
// entry: acc[class] += int32(weight), four entries per step. A first pass
// prefetches every row, so that their cache misses overlap.
TEXT ·addRows(SB), NOSPLIT, $0-56
	MOVQ acc+0(FP), DI
	MOVQ data_base+8(FP), SI
	MOVQ starts_base+32(FP), R8
	MOVQ starts_len+40(FP), R9
	XORQ R10, R10

prefetch:
	CMPQ       R10, R9
	JGE        rows
	MOVL       (R8)(R10*4), AX
	PREFETCHT0 (SI)(AX*4)
	INCQ       R10
	JMP        prefetch

rows:
	XORQ R10, R10

row:
	CMPQ R10, R9
	JGE  done
	MOVL (R8)(R10*4), AX
	LEAQ 4(SI)(AX*4), BX
	MOVL -4(BX), CX
	INCQ R10
	CMPQ CX, $4
	JLT  tail

loop4:
	MOVBLZX 2(BX), AX
	MOVWLSX 0(BX), DX
	ADDL    DX, (DI)(AX*4)
	MOVBLZX 6(BX), R11
	MOVWLSX 4(BX), R12
	ADDL    R12, (DI)(R11*4)
	MOVBLZX 10(BX), AX
	MOVWLSX 8(BX), DX
	ADDL    DX, (DI)(AX*4)
	MOVBLZX 14(BX), R11
	MOVWLSX 12(BX), R12
	ADDL    R12, (DI)(R11*4)
	ADDQ    $16, BX
	SUBQ    $4, CX
	CMPQ    CX, $4
	JGE     loop4

tail:
	TESTQ CX, CX
	JEQ   row

loop1:
	MOVBLZX 2(BX), AX
	MOVWLSX 0(BX), DX
	ADDL    DX, (DI)(AX*4)
	ADDQ    $4, BX
	DECQ    CX
	JNE     loop1
	JMP     row

done:
	RET
