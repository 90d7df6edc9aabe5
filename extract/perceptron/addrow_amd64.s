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

// func addDense112(acc *[256]int32, dense []int16, starts []uint32)
// acc[0:112] += the rows dense[s:s+112] for s in starts, each int16
// widened to int32. The sums stay in Z0-Z6 (16 classes each) for the
// whole batch; a first pass prefetches the four cache lines a row can
// span (224 bytes).
TEXT ·addDense112(SB), NOSPLIT, $0-56
	MOVQ acc+0(FP), DI
	MOVQ dense_base+8(FP), SI
	MOVQ starts_base+32(FP), R8
	MOVQ starts_len+40(FP), R9
	XORQ R10, R10

prefetch112:
	CMPQ       R10, R9
	JGE        sum112
	MOVL       (R8)(R10*4), AX
	PREFETCHT0 (SI)(AX*2)
	PREFETCHT0 64(SI)(AX*2)
	PREFETCHT0 128(SI)(AX*2)
	PREFETCHT0 192(SI)(AX*2)
	INCQ       R10
	JMP        prefetch112

sum112:
	VMOVDQU32 0(DI), Z0
	VMOVDQU32 64(DI), Z1
	VMOVDQU32 128(DI), Z2
	VMOVDQU32 192(DI), Z3
	VMOVDQU32 256(DI), Z4
	VMOVDQU32 320(DI), Z5
	VMOVDQU32 384(DI), Z6
	XORQ      R10, R10

row112:
	CMPQ      R10, R9
	JGE       done112
	MOVL      (R8)(R10*4), AX
	LEAQ      (SI)(AX*2), BX
	VPMOVSXWD 0(BX), Z8
	VPMOVSXWD 32(BX), Z9
	VPMOVSXWD 64(BX), Z10
	VPMOVSXWD 96(BX), Z11
	VPMOVSXWD 128(BX), Z12
	VPMOVSXWD 160(BX), Z13
	VPMOVSXWD 192(BX), Z14
	VPADDD    Z8, Z0, Z0
	VPADDD    Z9, Z1, Z1
	VPADDD    Z10, Z2, Z2
	VPADDD    Z11, Z3, Z3
	VPADDD    Z12, Z4, Z4
	VPADDD    Z13, Z5, Z5
	VPADDD    Z14, Z6, Z6
	INCQ      R10
	JMP       row112

done112:
	VMOVDQU32 Z0, 0(DI)
	VMOVDQU32 Z1, 64(DI)
	VMOVDQU32 Z2, 128(DI)
	VMOVDQU32 Z3, 192(DI)
	VMOVDQU32 Z4, 256(DI)
	VMOVDQU32 Z5, 320(DI)
	VMOVDQU32 Z6, 384(DI)
	VZEROUPPER
	RET

// func addDense32(acc *[256]int32, dense []int16, starts []uint32)
// addDense112 for rows of 32 weights (one cache line), summed in Z0-Z1.
TEXT ·addDense32(SB), NOSPLIT, $0-56
	MOVQ acc+0(FP), DI
	MOVQ dense_base+8(FP), SI
	MOVQ starts_base+32(FP), R8
	MOVQ starts_len+40(FP), R9
	XORQ R10, R10

prefetch32:
	CMPQ       R10, R9
	JGE        sum32
	MOVL       (R8)(R10*4), AX
	PREFETCHT0 (SI)(AX*2)
	INCQ       R10
	JMP        prefetch32

sum32:
	VMOVDQU32 0(DI), Z0
	VMOVDQU32 64(DI), Z1
	XORQ      R10, R10

row32:
	CMPQ      R10, R9
	JGE       done32
	MOVL      (R8)(R10*4), AX
	VPMOVSXWD 0(SI)(AX*2), Z8
	VPMOVSXWD 32(SI)(AX*2), Z9
	VPADDD    Z8, Z0, Z0
	VPADDD    Z9, Z1, Z1
	INCQ      R10
	JMP       row32

done32:
	VMOVDQU32 Z0, 0(DI)
	VMOVDQU32 Z1, 64(DI)
	VZEROUPPER
	RET

// func addDense112AVX2(acc *[256]int32, dense []int16, starts []uint32)
// addDense112 with AVX2: the sums in Y0-Y13 (8 classes each).
TEXT ·addDense112AVX2(SB), NOSPLIT, $0-56
	MOVQ acc+0(FP), DI
	MOVQ dense_base+8(FP), SI
	MOVQ starts_base+32(FP), R8
	MOVQ starts_len+40(FP), R9
	XORQ R10, R10

prefetch112v2:
	CMPQ       R10, R9
	JGE        sum112v2
	MOVL       (R8)(R10*4), AX
	PREFETCHT0 0(SI)(AX*2)
	PREFETCHT0 64(SI)(AX*2)
	PREFETCHT0 128(SI)(AX*2)
	PREFETCHT0 192(SI)(AX*2)
	INCQ       R10
	JMP        prefetch112v2

sum112v2:
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	VMOVDQU 64(DI), Y2
	VMOVDQU 96(DI), Y3
	VMOVDQU 128(DI), Y4
	VMOVDQU 160(DI), Y5
	VMOVDQU 192(DI), Y6
	VMOVDQU 224(DI), Y7
	VMOVDQU 256(DI), Y8
	VMOVDQU 288(DI), Y9
	VMOVDQU 320(DI), Y10
	VMOVDQU 352(DI), Y11
	VMOVDQU 384(DI), Y12
	VMOVDQU 416(DI), Y13
	XORQ    R10, R10

row112v2:
	CMPQ R10, R9
	JGE  done112v2
	MOVL (R8)(R10*4), AX
	LEAQ (SI)(AX*2), BX
	VPMOVSXWD 0(BX), Y14
	VPADDD    Y14, Y0, Y0
	VPMOVSXWD 16(BX), Y15
	VPADDD    Y15, Y1, Y1
	VPMOVSXWD 32(BX), Y14
	VPADDD    Y14, Y2, Y2
	VPMOVSXWD 48(BX), Y15
	VPADDD    Y15, Y3, Y3
	VPMOVSXWD 64(BX), Y14
	VPADDD    Y14, Y4, Y4
	VPMOVSXWD 80(BX), Y15
	VPADDD    Y15, Y5, Y5
	VPMOVSXWD 96(BX), Y14
	VPADDD    Y14, Y6, Y6
	VPMOVSXWD 112(BX), Y15
	VPADDD    Y15, Y7, Y7
	VPMOVSXWD 128(BX), Y14
	VPADDD    Y14, Y8, Y8
	VPMOVSXWD 144(BX), Y15
	VPADDD    Y15, Y9, Y9
	VPMOVSXWD 160(BX), Y14
	VPADDD    Y14, Y10, Y10
	VPMOVSXWD 176(BX), Y15
	VPADDD    Y15, Y11, Y11
	VPMOVSXWD 192(BX), Y14
	VPADDD    Y14, Y12, Y12
	VPMOVSXWD 208(BX), Y15
	VPADDD    Y15, Y13, Y13
	INCQ R10
	JMP  row112v2

done112v2:
	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VMOVDQU Y4, 128(DI)
	VMOVDQU Y5, 160(DI)
	VMOVDQU Y6, 192(DI)
	VMOVDQU Y7, 224(DI)
	VMOVDQU Y8, 256(DI)
	VMOVDQU Y9, 288(DI)
	VMOVDQU Y10, 320(DI)
	VMOVDQU Y11, 352(DI)
	VMOVDQU Y12, 384(DI)
	VMOVDQU Y13, 416(DI)
	VZEROUPPER
	RET

// func addDense32AVX2(acc *[256]int32, dense []int16, starts []uint32)
// addDense32 with AVX2: the sums in Y0-Y3 (8 classes each).
TEXT ·addDense32AVX2(SB), NOSPLIT, $0-56
	MOVQ acc+0(FP), DI
	MOVQ dense_base+8(FP), SI
	MOVQ starts_base+32(FP), R8
	MOVQ starts_len+40(FP), R9
	XORQ R10, R10

prefetch32v2:
	CMPQ       R10, R9
	JGE        sum32v2
	MOVL       (R8)(R10*4), AX
	PREFETCHT0 0(SI)(AX*2)
	INCQ       R10
	JMP        prefetch32v2

sum32v2:
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	VMOVDQU 64(DI), Y2
	VMOVDQU 96(DI), Y3
	XORQ    R10, R10

row32v2:
	CMPQ R10, R9
	JGE  done32v2
	MOVL (R8)(R10*4), AX
	LEAQ (SI)(AX*2), BX
	VPMOVSXWD 0(BX), Y14
	VPADDD    Y14, Y0, Y0
	VPMOVSXWD 16(BX), Y15
	VPADDD    Y15, Y1, Y1
	VPMOVSXWD 32(BX), Y14
	VPADDD    Y14, Y2, Y2
	VPMOVSXWD 48(BX), Y15
	VPADDD    Y15, Y3, Y3
	INCQ R10
	JMP  row32v2

done32v2:
	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VZEROUPPER
	RET

// func findRows(slots []slot, mask uint64, hashes []uint64, sparse, dense *[chunk]uint32) (ns, nd int)
// findRowsGeneric in assembly: a first pass prefetches the slot where the
// probe of each hash starts, so that the cache misses of the batch overlap;
// the second probes (linear probing, a slot being the fingerprint in its
// low 32 bits and the start in its high 32) and sorts the starts found.
// Both lists must have room for len(hashes) starts: a start is written to
// both, and only the count of its kind moves on.
TEXT ·findRows(SB), NOSPLIT, $0-88
	MOVQ slots_base+0(FP), SI
	MOVQ slots_len+8(FP), CX
	MOVQ mask+24(FP), DX
	MOVQ hashes_base+32(FP), R8
	MOVQ hashes_len+40(FP), R9
	MOVQ sparse+56(FP), DI
	MOVQ dense+64(FP), BX
	XORQ R11, R11
	XORQ R12, R12
	TESTQ CX, CX
	JEQ   found
	XORQ  R10, R10

prefetch:
	CMPQ       R10, R9
	JGE        probes
	MOVQ       (R8)(R10*8), AX
	ANDQ       DX, AX
	PREFETCHT0 (SI)(AX*8)
	INCQ       R10
	JMP        prefetch

probes:
	XORQ R10, R10

hash:
	CMPQ R10, R9
	JGE  found
	MOVQ (R8)(R10*8), AX
	INCQ R10
	MOVQ AX, R13
	SHRQ $32, R13
	ORL  $1, R13
	ANDQ DX, AX

probe:
	MOVQ  (SI)(AX*8), CX
	CMPL  CX, R13
	JEQ   hit
	TESTL CX, CX
	JEQ   hash
	INCQ  AX
	ANDQ  DX, AX
	JMP   probe

hit:
	// Without a branch, which would guess wrong on a third of the rows:
	// store the start in both lists and advance the count of its kind.
	SHRQ $32, CX
	MOVL CX, AX
	SHRL $31, AX
	ANDL $0x7fffffff, CX
	MOVL CX, (DI)(R11*4)
	MOVL CX, (BX)(R12*4)
	ADDQ AX, R12
	XORQ $1, AX
	ADDQ AX, R11
	JMP  hash

found:
	MOVQ R11, ns+72(FP)
	MOVQ R12, nd+80(FP)
	RET
