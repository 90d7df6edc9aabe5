package perceptron

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/fstest"
)

// TestLoadScoresAsRead checks that a model used in place from the cache,
// and the one Load decodes on the first call, score every feature exactly
// as the model Read decodes.
func TestLoadScoresAsRead(t *testing.T) {
	classes := []string{"NOUN", "VERB", "ADJ", "ADP", "PUNCT"}
	m := New(classes)
	rng := rand.New(rand.NewPCG(1, 2))
	feats := make([]uint64, 3000)
	for i := range feats {
		feats[i] = rng.Uint64()
	}
	for range 20000 {
		f := feats[rng.IntN(len(feats)):][:1]
		m.UpdateHashed(rng.IntN(len(classes)), rng.IntN(len(classes)), f)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"m.gz": {Data: b.Bytes()}}
	open := func() fs.File {
		f, err := fsys.Open("m.gz")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	want, err := Read(open())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	unknown := []uint64{rng.Uint64(), rng.Uint64()}
	for _, cache := range []string{"", dir, dir} {
		got, err := Load(open(), "m", cache)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Classes(), classes) {
			t.Errorf("classes %q", got.Classes())
		}
		ws, gs := make([]float64, len(classes)), make([]float64, len(classes))
		for i := 0; i < len(feats); i += 7 {
			batch := append(slices.Clone(feats[i:min(i+7, len(feats))]), unknown...)
			clear(ws)
			clear(gs)
			want.ScoresHashed(batch, ws)
			got.ScoresHashed(batch, gs)
			if !slices.Equal(ws, gs) {
				t.Fatalf("cache %q: scores %v, want %v", cache, gs, ws)
			}
		}
		if got.NumFeatures() != want.NumFeatures() {
			t.Errorf("cache %q: %d features, want %d", cache, got.NumFeatures(), want.NumFeatures())
		}
		// A cached model writes the same file.
		var again bytes.Buffer
		if _, err := got.WriteTo(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), b.Bytes()) {
			t.Errorf("cache %q: written again, the model file differs", cache)
		}
	}
}
