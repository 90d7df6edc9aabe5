package nlp

import "testing"

// TestModelFormReadsASpacedDashAsADash checks that a dash between spaces
// reads as "--" whatever its spelling, and that a hyphen inside a word, or
// a dash touching a word, keeps its text.
func TestModelFormReadsASpacedDashAsADash(t *testing.T) {
	// "Musa - who - said", "Russian-backed", "1990–1995"
	d := &Document{Tokens: []Token{
		{Text: "Musa", SpaceAfter: true}, {Text: "-", SpaceAfter: true}, {Text: "who", SpaceAfter: true},
		{Text: "—", SpaceAfter: true}, {Text: "said", SpaceAfter: true},
		{Text: "Russian"}, {Text: "-"}, {Text: "backed", SpaceAfter: true},
		{Text: "1990"}, {Text: "–"}, {Text: "1995"},
	}}
	want := []string{"Musa", "--", "who", "--", "said", "Russian", "-", "backed", "1990", "–", "1995"}
	for i, w := range want {
		if got := d.ModelForm(i); got != w {
			t.Errorf("ModelForm(%d) of %q = %q, want %q", i, d.Tokens[i].Text, got, w)
		}
	}
}

// TestHyphenedWord checks the word joined to a token by a hyphen, and that
// a spaced hyphen or the end of the text joins nothing.
func TestHyphenedWord(t *testing.T) {
	d := &Document{Tokens: []Token{
		{Text: "Iran"}, {Text: "-"}, {Text: "Backed", SpaceAfter: true},
		{Text: "rebels", SpaceAfter: true}, {Text: "-", SpaceAfter: true}, {Text: "there"},
	}}
	for k, want := range []string{"backed", "", "", "", "", ""} {
		if got := d.HyphenedWord(k); got != want {
			t.Errorf("HyphenedWord(%d) = %q, want %q", k, got, want)
		}
	}
}
