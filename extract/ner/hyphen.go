package ner

import (
	"slices"

	"github.com/kg-project/kg/extract/nlp"
)

// joinHyphenated extends person and organization names over a hyphen
// written without spaces to the capitalized word on its other side
// ("Clementine Nkweta-Salami", "CSP-DPA"), when the model left that word
// untagged: a word joined by a hyphen belongs to the name it is written
// into. Places are left alone, since "Russia-Ukraine" joins two names.
// A one-word person's name that is a given name and is joined to the next
// person's name is one name too ("Jean-Marc Ahouansou", not "Jean" and
// "Marc Ahouansou"; "Putin-Xi" stays two). tags holds one BIO tag per
// token of the sentence starting at token start of d and is changed in
// place.
func (l *lexicon) joinHyphenated(d *nlp.Document, start int, tags []string) {
	joined := func(k int) bool { // tokens k, k+1, k+2 are "word-word"
		return d.Tokens[start+k+1].Text == "-" && !d.Tokens[start+k].SpaceAfter && !d.Tokens[start+k+1].SpaceAfter
	}
	for k := 0; k+2 < len(tags); k++ {
		if !joined(k) || tags[k+1] != "O" {
			continue
		}
		left, right := nameLabel(tags[k]), nameLabel(tags[k+2])
		switch {
		case left != "" && tags[k+2] == "O" && capitalized(d.Tokens[start+k+2].Text):
			tags[k+1], tags[k+2] = "I-"+left, "I-"+left
		case right != "" && tags[k] == "O" && tags[k+2] == "B-"+right && capitalized(d.Tokens[start+k].Text):
			tags[k], tags[k+1], tags[k+2] = "B-"+right, "I-"+right, "I-"+right
		case left == "PER" && tags[k] == "B-PER" && tags[k+2] == "B-PER" && l.isGivenName(d.Tokens[start+k].Text):
			tags[k+1], tags[k+2] = "I-PER", "I-PER"
		}
	}
}

// nameLabel returns the label of a BIO tag when it is PER or ORG, else "".
func nameLabel(tag string) string {
	if len(tag) > 2 && (tag[2:] == "PER" || tag[2:] == "ORG") {
		return tag[2:]
	}
	return ""
}

// isGivenName reports whether the lexicon lists w as a first name.
func (l *lexicon) isGivenName(w string) bool {
	return l.first >= 0 && slices.Contains(l.kindsOf(normalize(w)), uint16(l.first))
}
