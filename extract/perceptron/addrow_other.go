//go:build !amd64

package perceptron

// addRow adds the packed weights of row, whose classes are all below
// maxAcc, to acc.
func addRow(acc *[maxAcc]int32, row []uint32) { addRowGeneric(acc, row) }
