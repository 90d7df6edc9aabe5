package perceptron

import "golang.org/x/sys/cpu"

// addRows adds to acc the packed weights of the rows of data that start at
// starts, as addRowsGeneric does; every start must be that of a row of a
// table (appendRow builds them), since it reads the rows without bounds
// checks. Scoring spends most of its time here. Compiled Go takes 9
// instructions per weight and about 45 per row to slice it and call the
// loop; the assembly loads the class byte and the weight half of each
// entry directly (3 instructions, plus a quarter of the loop's) and first
// prefetches every row of the batch.
//
//go:noescape
func addRows(acc *[maxAcc]int32, data, starts []uint32)

// The vector instructions the dense loops can use: AVX-512 (F for the
// 32-bit lanes, BW for widening 16-bit weights), else AVX2; the
// processor and the operating system must both support them.
var (
	hasAVX512 = cpu.X86.HasAVX512F && cpu.X86.HasAVX512BW
	hasAVX2   = cpu.X86.HasAVX2
)

// vectorDense reports whether addDense sums dense rows with vector
// instructions. Without them, densify keeps every row sparse: the plain
// loop over a dense row costs more than over the row's few weights.
var vectorDense = hasAVX512 || hasAVX2

// addDense adds to acc the dense rows of width weights at the offsets
// starts of dense, as addDenseGeneric does, with AVX-512 or AVX2 where
// the processor has them: the sums of a row's 32 or 112 classes stay in
// vector registers while each row is widened from 16 to 32 bits and
// added, 16 (or 8) classes per instruction.
func addDense(acc *[maxAcc]int32, dense []int16, starts []uint32, width int) {
	switch {
	case len(starts) == 0:
	case hasAVX512 && width == 112:
		addDense112(acc, dense, starts)
	case hasAVX512 && width == 32:
		addDense32(acc, dense, starts)
	case hasAVX2 && width == 112:
		addDense112AVX2(acc, dense, starts)
	case hasAVX2 && width == 32:
		addDense32AVX2(acc, dense, starts)
	default:
		addDenseGeneric(acc, dense, starts, width)
	}
}

// addDense112 is addDense for rows of 112 weights; every start must be
// that of a row of dense (it reads without bounds checks).
//
//go:noescape
func addDense112(acc *[maxAcc]int32, dense []int16, starts []uint32)

// addDense32 is addDense112 for rows of 32 weights.
//
//go:noescape
func addDense32(acc *[maxAcc]int32, dense []int16, starts []uint32)

// addDense112AVX2 is addDense112 with AVX2.
//
//go:noescape
func addDense112AVX2(acc *[maxAcc]int32, dense []int16, starts []uint32)

// addDense32AVX2 is addDense32 with AVX2.
//
//go:noescape
func addDense32AVX2(acc *[maxAcc]int32, dense []int16, starts []uint32)

// findRows is findRowsGeneric; it reads slots without bounds checks, so
// mask must be len(slots)-1 (or slots empty).
//
//go:noescape
func findRows(slots []slot, mask uint64, hashes []uint64, sparse, dense *[chunk]uint32) (ns, nd int)
