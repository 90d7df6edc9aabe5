package extract

import (
	"slices"
	"testing"
)

// TestBareStateTitleTakesTheHomeState checks that a state title named
// without its state ("Defence Minister X") belongs to the state that the
// article's actors and places mostly belong to, that it belongs to none
// when two states are named about equally, and that a title the discourse
// would give is dropped when the text names that state's holder of the
// office outright.
func TestBareStateTitleTakesTheHomeState(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{
		{
			name: "home state",
			text: "BOGOTA, Colombia (AP) — Colombian troops clashed with rebels near the Venezuelan border on Saturday, the Colombian army said.\n\n" +
				"Two soldiers died, the Colombian navy added.\n\n" +
				"\"We will not stop,\" Defence Minister Ana Ruiz told reporters.",
			want: []string{"Ana Ruiz AFFILIATION Colombia"},
		},
		{
			name: "two states alike",
			text: "Peruvian and Chilean troops exchanged fire on the border on Monday, the Peruvian army and the Chilean army said.\n\n" +
				"Peru and Chile blamed each other.\n\n" +
				"\"We were attacked,\" Defence Minister Ana Ruiz said.",
			not: []string{"Ana Ruiz AFFILIATION Peru", "Ana Ruiz AFFILIATION Chile"},
		},
		{
			name: "office held",
			text: "MANILA, Philippines (AP) — The Philippine navy said a Philippine patrol ship was rammed near a Philippine-held reef on Monday.\n\n" +
				"Philippine President Ana Cruz said the Philippines would not back down.\n\n" +
				"Beijing said the ship had intruded, and President Li Wen was expected to speak.",
			want: []string{"Ana Cruz AFFILIATION Philippines"},
			not:  []string{"Li Wen AFFILIATION Philippines"},
		},
	} {
		got := triples(extractText(t, tc.text))
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: missing %q (got %q)", tc.name, w, got)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%s: unwanted %q (got %q)", tc.name, n, got)
			}
		}
	}
}
