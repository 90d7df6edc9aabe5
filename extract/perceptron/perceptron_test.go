package perceptron

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
)

// near allows for the 16-bit quantization of averaged weights, which moves
// a weight by at most 1/65534 of the largest weight.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-4 }

// TestAveraging checks the lazy averaging against a hand computation.
//
// Classes A=0, B=1, C=2; features x and y.
//
//	update 1: truth A, guess B, [x]    → w(x,A)=1, w(x,B)=-1
//	update 2: truth A, guess A, [x]    → no change
//	update 3: truth B, guess A, [x y]  → w(x,A)=0, w(x,B)=0, w(y,B)=1, w(y,A)=-1
//	update 4: truth C, guess B, [y]    → w(y,C)=1, w(y,B)=0
//
// The weight a parameter holds after update k counts for update k only
// from the next step on, as in Honnibal's _perceptron.py: the total of a
// weight is the sum over time of (updates since its last change × its
// value). With n = 4 updates:
//
//	x,A: 1 from update 1 to 3 (2 steps), then 0      → 2/4  = 0.5
//	x,B: -1 for 2 steps, then 0                      → -2/4 = -0.5
//	y,B: 1 from update 3 to 4 (1 step), then 0       → 1/4  = 0.25
//	y,A: -1 from update 3 to the end (1 step)        → -1/4 = -0.25
//	y,C: 1 from update 4 to the end (0 steps)        → 0
func TestAveraging(t *testing.T) {
	m := New([]string{"A", "B", "C"})
	m.Update(0, 1, []string{"x"})
	m.Update(0, 0, []string{"x"})
	m.Update(1, 0, []string{"x", "y"})
	m.Update(2, 1, []string{"y"})

	// Before averaging the scores are the current weights.
	got := make([]float64, 3)
	m.Scores([]string{"y"}, got)
	if want := []float64{-1, 0, 1}; !slices.Equal(got, want) {
		t.Fatalf("raw scores of y = %v, want %v", got, want)
	}

	m.Average()
	if m.Trainable() {
		t.Fatal("model still trainable after Average")
	}
	m.Scores([]string{"x"}, got)
	if !near(got[0], 0.5) || !near(got[1], -0.5) || !near(got[2], 0) {
		t.Errorf("averaged scores of x = %v, want [0.5 -0.5 0]", got)
	}
	m.Scores([]string{"y"}, got)
	if !near(got[0], -0.25) || !near(got[1], 0.25) || !near(got[2], 0) {
		t.Errorf("averaged scores of y = %v, want [-0.25 0.25 0]", got)
	}
	if got := m.Predict([]string{"x"}); got != 0 {
		t.Errorf("Predict(x) = %d, want 0", got)
	}
	if got := m.Predict([]string{"y"}); got != 1 {
		t.Errorf("Predict(y) = %d, want 1", got)
	}
	// y,C averaged to 0 and was dropped; x keeps two weights.
	if got := m.NumFeatures(); got != 2 {
		t.Errorf("NumFeatures = %d, want 2", got)
	}
}

func TestAveragedLeavesModelTrainable(t *testing.T) {
	m := New([]string{"A", "B"})
	m.Update(0, 1, []string{"x"})
	a := m.Averaged()
	if !m.Trainable() || a.Trainable() {
		t.Fatalf("Trainable: original %v, copy %v; want true, false", m.Trainable(), a.Trainable())
	}
	m.Update(0, 1, []string{"x"}) // must not panic
	got := make([]float64, 2)
	a.Scores([]string{"x"}, got)
	if !near(got[0], 0) || !near(got[1], 0) {
		// One update: the weight set at update 1 has counted for 0 steps.
		t.Errorf("copy scores = %v, want [0 0]", got)
	}
}

func TestHashAddMatchesHash(t *testing.T) {
	if got, want := HashAdd(HashAdd(Hash("w"), "\x1f"), "Ukraine"), Hash("w\x1fUkraine"); got != want {
		t.Errorf("HashAdd chain = %x, want %x", got, want)
	}
	if got, want := HashByte(Hash("a"), 'b'), Hash("ab"); got != want {
		t.Errorf("HashByte = %x, want %x", got, want)
	}
}

func TestPruneAndRoundTrip(t *testing.T) {
	m := New([]string{"A", "B"})
	for range 3 {
		m.Update(0, 1, []string{"strong"})
	}
	m.Update(1, 0, []string{"weak"})
	m.Update(1, 1, nil)
	// strong: A=1 after u1 (counts 4 steps), 2 after u2 (3 steps)... totals:
	// A: 1*1 + 2*1 + 3*2 = 9 → 9/5 = 1.8; B = -1.8. weak: B = 1 for 1 step → 0.2.
	m.Prune(0.5)
	if got := m.NumFeatures(); got != 1 {
		t.Fatalf("NumFeatures after prune = %d, want 1", got)
	}
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d", n, buf.Len())
	}
	r, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Classes(), []string{"A", "B"}) {
		t.Errorf("classes = %v", r.Classes())
	}
	got := make([]float64, 2)
	r.Scores([]string{"strong", "weak"}, got)
	if !near(got[0], 1.8) || !near(got[1], -1.8) {
		t.Errorf("scores after round trip = %v, want [1.8 -1.8]", got)
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	if _, err := Read(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("Read accepted garbage")
	}
}

// TestReadV1 reads a hand-made file of the first format (float32 weights).
func TestReadV1(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString("KGPERCEPTRON1\n")
	raw.Write([]byte{2, 1, 'A', 1, 'B'}) // two classes, "A" and "B"
	raw.Write([]byte{1})                 // one row
	key := binary.AppendUvarint(nil, Hash("x"))
	raw.Write(key)
	raw.Write([]byte{1, 1}) // one weight, class B
	raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(1.5)))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw.Bytes())
	zw.Close()
	m, err := Read(&gz)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, 2)
	m.Scores([]string{"x"}, got)
	if !near(got[0], 0) || !near(got[1], 1.5) {
		t.Errorf("scores = %v, want [0 1.5]", got)
	}
}

// TestReadRejectsTruncated reads every proper prefix of a model file's
// content, which must fail with an error (and not panic or return a model
// missing rows), while the whole content reads back.
func TestReadRejectsTruncated(t *testing.T) {
	m := New([]string{"A", "B", "C"})
	m.Update(0, 1, []string{"x", "y"})
	m.Update(2, 0, []string{"y", "z"})
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	gz := func(b []byte) io.Reader {
		var out bytes.Buffer
		zw := gzip.NewWriter(&out)
		zw.Write(b)
		zw.Close()
		return &out
	}
	for n := range raw {
		if _, err := Read(gz(raw[:n])); err == nil {
			t.Fatalf("Read accepted the first %d of %d bytes", n, len(raw))
		}
	}
	r, err := Read(gz(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.NumFeatures(), m.Averaged().NumFeatures(); got != want || got == 0 {
		t.Errorf("NumFeatures = %d, want %d", got, want)
	}
}

// TestRoundTripManyClasses writes and reads a model whose class indices
// take one and two bytes in the file, and requires the same scores.
func TestRoundTripManyClasses(t *testing.T) {
	classes := make([]string, 200)
	for i := range classes {
		classes[i] = string(rune('a'+i%26)) + string(rune('0'+i/26))
	}
	m := New(classes)
	m.Update(150, 3, []string{"x", "y"})
	m.Update(127, 128, []string{"y"})
	m.Update(0, 0, nil)
	want := make([]float64, len(classes))
	m.Averaged().Scores([]string{"x", "y"}, want)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, len(classes))
	r.Scores([]string{"x", "y"}, got)
	for c := range got {
		if !near(got[c], want[c]) {
			t.Fatalf("class %d: score %v after round trip, want %v", c, got[c], want[c])
		}
	}
	if got[150] <= 0 || got[128] >= 0 {
		t.Errorf("scores of classes 150 and 128 = %v, %v: want positive, negative", got[150], got[128])
	}
}

// TestReadRejectsClassOutOfRange reads a file whose weight names class 5
// of a model with two classes.
func TestReadRejectsClassOutOfRange(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString(magic)
	raw.Write([]byte{2, 1, 'A', 1, 'B'})                                  // two classes
	raw.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(1))) // scale
	raw.Write([]byte{1, 2})                                               // one row, one weight plus the row
	raw.Write(binary.AppendUvarint(nil, Hash("x")))
	raw.Write([]byte{1, 5, 1, 0}) // one weight: class 5, weight 1
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw.Bytes())
	zw.Close()
	_, err := Read(&gz)
	if err == nil || !strings.Contains(err.Error(), "class index 5 exceeds 1") {
		t.Fatalf("err = %v, want class index 5 exceeds 1", err)
	}
}
