//go:build !amd64

package perceptron

// addRows adds to acc the packed weights of the rows of data that start at
// starts, whose classes are all below maxAcc.
func addRows(acc *[maxAcc]int32, data, starts []uint32) { addRowsGeneric(acc, data, starts) }

// vectorDense is false: without vector code, rows stay sparse.
const vectorDense = false

// addDense adds to acc the dense rows of width weights at the offsets
// starts of dense.
func addDense(acc *[maxAcc]int32, dense []int16, starts []uint32, width int) {
	addDenseGeneric(acc, dense, starts, width)
}

// findRows is findRowsGeneric.
func findRows(slots []slot, mask uint64, hashes []uint64, sparse, dense *[chunk]uint32) (ns, nd int) {
	return findRowsGeneric(slots, mask, hashes, sparse, dense)
}
