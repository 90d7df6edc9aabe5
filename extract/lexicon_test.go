package extract

import "testing"

// TestLexiconVerbsKnownToTheLemmatizer covers inflected lexicon verbs the
// treebank never showed the lemmatizer: they take the lexicon's lemma, so
// the lexicon finds them.
func TestLexiconVerbsKnownToTheLemmatizer(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a past tense the suffix rule would cut to another word", "Chile waged war on Peru in 1879.",
			[]string{"Chile FIGHTS Peru"}},
		{"a third person the suffix rule would cut", "Chile wages a war against Peru.",
			[]string{"Chile FIGHTS Peru"}},
		{"a verb not in the lexicon is not turned into one", "Chile wagered on Peru in 1879.",
			[]string{"Chile RELATED_TO Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}

// TestLexiconForceAndRupture covers verbs and idioms of roots 15-20 and of
// reduced relations (16): each with a case of the same verb in a sense that
// is no such act.
func TestLexiconForceAndRupture(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"suspending talks halts negotiations", "Peru suspended talks with Chile on Monday.",
			[]string{"Peru REDUCES_RELATIONS Chile"}},
		{"cutting aid reduces aid", "Peru cut aid to Bolivia on Monday.", []string{"Peru REDUCES_RELATIONS Bolivia"}},
		{"withdrawing an envoy is no military withdrawal", "Peru withdrew its ambassador from Chile.",
			[]string{"Peru REDUCES_RELATIONS Chile"}},
		{"withdrawing troops still is", "Peru withdrew its troops from Chile.",
			[]string{"Peru WITHDRAWS_FROM Chile"}},
		{"violating a ceasefire", "Peru violated the ceasefire with Chile.", []string{"Peru VIOLATES_CEASEFIRE Chile"}},
		{"violating other norms is defiance", "Peru violated the treaty with Chile.", []string{"Peru REJECTS Chile"}},
		{"setting fire to a place", "The Andes Front set fire to the town of Oruro.", []string{"Andes Front DESTROYS Oruro"}},
		{"dropping bombs", "Chile dropped bombs on Oruro.", []string{"Chile BOMBS Oruro"}},
		{"dropping a claim is no bombing", "Chile dropped its claim on Oruro.", nil},
		{"strafing", "Chile strafed Oruro on Monday.", []string{"Chile BOMBS Oruro"}},
		{"planting a bomb", "The Andes Front planted a bomb in Oruro.", []string{"Andes Front BOMBS Oruro"}},
		{"dispatching to a place deploys", "Chile dispatched troops to Oruro.", []string{"Chile DEPLOYS Oruro"}},
		{"shadowing a ship", "The Chilean navy shadowed the Peruvian navy.",
			[]string{"Chile navy DEPLOYS Peru navy", "Chile navy PART_OF Chile", "Peru navy PART_OF Peru"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}
