package perceptron

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
