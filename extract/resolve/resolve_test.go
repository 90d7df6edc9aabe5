package resolve

import (
	"testing"

	"github.com/kg-project/kg/schema"
)

// newResolver returns a Resolver of the embedded schema, and the schema.
func newResolver(t *testing.T) (*Resolver, *schema.Schema) {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	return r, s
}

// TestQuoteVerbsAreNoSpeechVerbs keeps quote-verbs to the verbs that
// attribute a quote without being verbs of saying: a verb of saying is
// flagged in the lexicon, which the quote rule reads too.
func TestQuoteVerbsAreNoSpeechVerbs(t *testing.T) {
	r, s := newResolver(t)
	for _, v := range r.words.quoteVerbs.Words() {
		if s.SpeechVerb(v) {
			t.Errorf("quote-verbs: %q is a speech verb of the lexicon; drop it from the set", v)
		}
	}
}

func TestNameHelpers(t *testing.T) {
	r, _ := newResolver(t)
	for in, want := range map[string]string{"Osmar province": "osmar", "the district of Tarvek": "tarvek", "Al Wadi": "al wadi", "Pyongan": "pyongan",
		"The Marib Governorate": "marib", "province": "province", "Province of": "province of"} {
		if got := r.placeKey(in); got != want {
			t.Errorf("placeKey(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Tigrayan People's Liberation Front": "TPLF", "U.S. Department of Defense": "UDD", "Hamas": ""} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"DoD": true, "TPLF": true, "Kyiv": false, "A": false, "NATO's": false} {
		if got := looksLikeAcronym(in); got != want {
			t.Errorf("looksLikeAcronym(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]string{"KHARTOUM": "Khartoum", "NEW DELHI": "New Delhi", "Kyiv": "Kyiv"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{"Houthis": true, "Eritrean forces": true, "Hamas": false, "Ukraine": false} {
		if got := isPluralName(in); got != want {
			t.Errorf("isPluralName(%q) = %v, want %v", in, got, want)
		}
	}
}
