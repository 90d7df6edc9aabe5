//go:build !amd64

package perceptron

// addRows adds to acc the packed weights of the rows of data that start at
// starts, whose classes are all below maxAcc.
func addRows(acc *[maxAcc]int32, data, starts []uint32) { addRowsGeneric(acc, data, starts) }
