package parse

import (
	"slices"
	"testing"
)

// TestStrandedParticiples checks which participles hung on the noun before
// them are read again as finite verbs: one with a direct object, one on a
// noun left as the root or as the object of a verb to its right; not one
// with a by-phrase or an auxiliary, not one away from its noun's phrase.
func TestStrandedParticiples(t *testing.T) {
	labels := []string{"root", "nsubj", "obj", "acl", "obl", "obl:agent", "aux", "ccomp", "acl:relcl", "amod"}
	p := &Parser{labels: labels}
	lab := func(names ...string) []int {
		out := make([]int, len(names))
		for i, n := range names {
			out[i] = slices.Index(labels, n)
		}
		return out
	}
	cases := []struct {
		name   string
		tags   []string
		heads  []int
		labels []int
		want   []int
	}{
		// forces detained Mendoza ; "forces" the root
		{"object", []string{"NNS", "VBN", "NNP"}, []int{-1, 0, 1}, lab("root", "acl", "obj"), []int{1}},
		// said troops crossed into territory it holds: "troops" the object of "holds"
		{"object of a verb on its right", []string{"VBD", "NNS", "VBN", "IN", "NN", "PRP", "VBZ"},
			[]int{-1, 6, 1, 4, 2, 6, 0}, lab("root", "obj", "acl", "obl", "obl", "nsubj", "ccomp"), []int{2}},
		// weapons supplied by Iran reached Peru
		{"by-phrase", []string{"NNS", "VBN", "IN", "NNP", "VBD", "NNP"},
			[]int{4, 0, 3, 1, -1, 4}, lab("nsubj", "acl", "obl", "obl:agent", "root", "obj"), nil},
		// the tanks were seized: an auxiliary (label test only)
		{"auxiliary", []string{"NNS", "VBN", "VBD"}, []int{-1, 0, 1}, lab("root", "acl", "aux"), nil},
		// militants armed and trained by Iran attacked: a subject, no object
		{"modifier of a subject", []string{"NNS", "VBN", "VBD"}, []int{2, 0, -1}, lab("nsubj", "acl", "root"), nil},
		// a statement from the government condoled with: after its noun's phrase
		{"after its noun's phrase", []string{"NN", "IN", "NN", "VBN", "IN", "NNS"}, []int{-1, 2, 0, 0, 5, 3}, lab("root", "obl", "obl", "acl", "obl", "obl"), []int{3}},
		// troops, officials detained X: a word outside the noun's phrase between them
		{"not after its noun's phrase", []string{"NNS", ",", "NNS", "VBN", "NNP"}, []int{-1, 2, 3, 0, 3}, lab("root", "obl", "nsubj", "acl", "obj"), nil},
	}
	for _, c := range cases {
		words := make([]string, len(c.tags))
		if got := p.strandedParticiples(words, c.tags, c.heads, c.labels); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// TestVerblessPastTense checks which word of a sentence without a verb is
// read again as its past tense: an "-ed" adjective before a noun phrase,
// not one in a sentence that has a verb, nor one at the sentence's end.
func TestVerblessPastTense(t *testing.T) {
	cases := []struct {
		name        string
		words, tags []string
		want        int
	}{
		{"verbless", []string{"strike", "wounded", "three", "civilians"}, []string{"NN", "JJ", "CD", "NNS"}, 1},
		{"a verb elsewhere", []string{"wounded", "soldiers", "were", "flown"}, []string{"JJ", "NNS", "VBD", "VBN"}, -1},
		{"at the end", []string{"five", "soldiers", "wounded"}, []string{"CD", "NNS", "JJ"}, -1},
	}
	for _, c := range cases {
		if got := verblessPastTense(c.words, c.tags); got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, got, c.want)
		}
	}
}
