package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
)

// corefDoc returns the analysis of text, failing the test on error.
func corefDoc(t *testing.T, text string) *nlp.Document {
	t.Helper()
	x, err := loadExtractor()
	if err == nil {
		var d *nlp.Document
		if d, err = x.Analyze(context.Background(), text); err == nil {
			return d
		}
	}
	t.Fatal(err)
	return nil
}

// referent analyzes text and returns the name of the entity the nth (from
// 1) token spelled word refers to as a pronoun or description, "" when it
// is left unresolved.
func referent(t *testing.T, text, word string, nth int) string {
	t.Helper()
	d := corefDoc(t, text)
	for k, tok := range d.Tokens {
		if !strings.EqualFold(tok.Text, word) {
			continue
		}
		if nth--; nth > 0 {
			continue
		}
		for _, m := range d.Mentions {
			if m.Pronoun && m.Start <= k && k < m.End {
				return d.Entities[m.Entity].Name
			}
		}
		return ""
	}
	t.Fatalf("no %q in %q", word, text)
	return ""
}

// referentCase says what the nth token spelled word of text refers to.
type referentCase struct {
	name, text, word string
	nth              int
	want             string // entity name, "" for none
}

// checkReferents runs the cases as subtests.
func checkReferents(t *testing.T, cases []referentCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := referent(t, c.text, c.word, c.nth); got != c.want {
				t.Errorf("%q in %q refers to %q, want %q", c.word, c.text, got, c.want)
			}
		})
	}
}

func TestPronounAgreesWithTheWordsOfItsAntecedent(t *testing.T) {
	cases := []referentCase{
		// "it" does not take up a plural noun that names a military.
		{"it skips plural soldiers", "Chile said Peruvian soldiers had tried to surround one of its border posts.", "its", 1, "Chile"},
		{"it takes up a singular army", "The Peruvian army said it had withdrawn from the border.", "it", 1, "Peruvian military"},
		// A plural of a singular description head is several actors.
		{"the countries are several", "Chile accused Peru of firing first. Talks between the countries stalled.", "countries", 1, ""},
		{"the country is one", "Chile accused Peru of firing first. Officials of the country said talks stalled.", "country", 1, "Chile"},
		{"the rebels are one group", "Boko Haram attacked a base. The rebels said five soldiers died.", "rebels", 1, "Boko Haram"},
	}
	checkReferents(t, cases)
}

func TestObjectItWhoIsToAct(t *testing.T) {
	// The object of a verb whose complement it is to carry out is an actor.
	g := extractText(t, "Peru sent drones over the border on Monday. Chile warned it against repeating the flights.")
	find(t, g, "Chile WARNS Peru")
	if got := referent(t, "Chile said the storm had forced it to close two ports.", "it", 1); got != "Chile" {
		t.Errorf(`"forced it to close" refers to %q, want Chile`, got)
	}
	// Any other object "it" is a fact, not an actor.
	for _, text := range []string{
		"Chile said Peru had sent drones over the border and called it a provocation.",
		"Chile accused Peru of sending drones, but Peru denied it.",
	} {
		if got := referent(t, text, "it", 1); got != "" {
			t.Errorf("%q: it refers to %q, want no referent", text, got)
		}
	}
}

func TestDescriptionTakesUpTheOwnerOfItsHeadNoun(t *testing.T) {
	cases := []referentCase{
		{"possessor", "Bolivia imposed sanctions on Chile's military junta. Leaders met in Peru on Sunday. Bolivia gave the junta a week to free the president.", "junta", 2, "Chile"},
		{"demonym", "Bolivia imposed sanctions on the Chilean junta. Leaders met in Peru on Sunday. Bolivia gave the junta a week to free the president.", "junta", 2, "Chile"},
		// An owner of another class than the description names is not it.
		{"owner of another class", "Chile's group of experts met on Monday. Boko Haram attacked a base on Tuesday. The group said ten soldiers died.", "group", 2, "Boko Haram"},
	}
	checkReferents(t, cases)
}

func TestWordsForArmedGroupsAreDescriptions(t *testing.T) {
	checkReferents(t, []referentCase{
		{"the terrorists", "Boko Haram attacked a base on Tuesday. The army said it had killed ten of the terrorists.", "terrorists", 1, "Boko Haram"},
		{"the gunmen", "Boko Haram attacked a village on Tuesday. Witnesses said the gunmen burned houses.", "gunmen", 1, "Boko Haram"},
		// Without an armed group in the text, the word names no actor.
		{"no armed group", "Chile said on Tuesday that the gunmen had fled to Peru.", "gunmen", 1, ""},
	})
}

func TestPronounInARelativeClauseIsNotItsHead(t *testing.T) {
	checkReferents(t, []referentCase{
		// "which" stands for the group: "it" is another actor.
		{"co-argument", "Chile's army reported fighting on Monday. A statement said drones had struck camps of Boko Haram, which it blamed for the raid.", "it", 1, "Chilean military"},
		// A possessive may be the head's own.
		{"possessive", "Boko Haram, which its founder led until 2009, attacked a base on Monday.", "its", 1, "Boko Haram"},
	})
}

func TestDescriptionWithModifiers(t *testing.T) {
	checkReferents(t, []referentCase{
		{"adjective", "Chile criticized the African Union on Monday. The regional bloc said it would send envoys.", "bloc", 1, "African Union"},
		{"adjectives", "Boko Haram attacked a base on Monday. The army said the outlawed militant group had lost ten fighters.", "group", 1, "Boko Haram"},
		// "the western state" is part of a country, a title is no description.
		{"part of a country", "Mexico sent troops on Monday. Clashes spread in the western state, officials said.", "state", 1, ""},
		{"title", "Chile's president met Pedro Alvarez on Monday. The chief spokesman said talks went well.", "spokesman", 1, ""},
	})
}
