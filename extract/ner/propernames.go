package ner

import (
	"context"
	"unicode"

	"github.com/kg-project/kg/extract/nlp"
)

// ProperNames is the stage that tags the words of recognized names as
// proper nouns before parsing: the tagger reads a sentence-initial
// "Pashinyan" as an adjective, and the parser then misreads the sentence.
type ProperNames struct{}

// Name implements nlp.Stage.
func (ProperNames) Name() string { return "proper-names" }

// Process implements nlp.Stage. It requires NER tags and changes UPOS and
// XPOS of capitalized words inside PER, ORG and LOC spans tagged as
// adjectives, nouns or verbs.
func (ProperNames) Process(_ context.Context, d *nlp.Document) error {
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if len(t.NER) < 3 || t.NER[2:] == "MISC" || t.Text == "" || !unicode.IsUpper([]rune(t.Text)[0]) {
			continue
		}
		switch t.UPOS {
		case "ADJ", "NOUN", "VERB":
			t.UPOS, t.XPOS, t.Lemma = "PROPN", "NNP", t.Text
		}
	}
	return nil
}
