package perceptron

import "testing"

// TestAddDenseVectorLoops checks each vector loop the processor can run
// (AVX-512 and AVX2, whichever addDense would not pick are tested here
// too) against the plain Go loop.
func TestAddDenseVectorLoops(t *testing.T) {
	if hasAVX512 {
		checkAddDense(t, "addDense112", 112, addDense112)
		checkAddDense(t, "addDense32", 32, addDense32)
	}
	if hasAVX2 {
		checkAddDense(t, "addDense112AVX2", 112, addDense112AVX2)
		checkAddDense(t, "addDense32AVX2", 32, addDense32AVX2)
	}
	if !hasAVX512 && !hasAVX2 {
		t.Skip("no AVX2 or AVX-512 on this processor")
	}
}
