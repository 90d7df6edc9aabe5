package resolve

import "github.com/kg-project/kg/schema"

// words are the word sets of schema/data/words that the rules of this package
// read, fetched once by New.
type words struct {
	unitNouns  schema.WordSet // unit-nouns
	quoteVerbs schema.WordSet // quote-verbs
	places     schema.WordSet // place-nouns
}

// loadWords fetches the package's word sets from s.
func loadWords(s *schema.Schema) (words, error) {
	l := s.WordSetLoader()
	w := words{
		unitNouns:  l.Get("unit-nouns"),
		quoteVerbs: l.Get("quote-verbs"),
		places:     l.Get("place-nouns"),
	}
	return w, l.Err()
}
