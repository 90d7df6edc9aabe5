package perceptron

// addRow adds the packed weights of row, whose classes are all below
// maxAcc, to acc, as addRowGeneric does. Scoring spends most of its time in
// this loop, whose compiled Go takes 9 instructions per weight; the
// assembly loads the class byte and the weight half of each entry directly
// and takes 3, plus a quarter of the loop's own.
//
//go:noescape
func addRow(acc *[maxAcc]int32, row []uint32)
