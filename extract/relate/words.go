package relate

import "github.com/kg-project/kg/schema"

// words are the word sets of schema/data/words that the rules of this package
// read, fetched once by New.
type words struct {
	phase      schema.WordSet // phase-verbs
	places     schema.WordSet // place-nouns
	forces     schema.WordSet // force-nouns
	mediaNames schema.WordSet // media-name-words
	placeParts schema.WordSet // place-part-words
	members    schema.WordSet // member-nouns
	stateNouns schema.WordSet // state-nouns
}

// loadWords fetches the package's word sets from s.
func loadWords(s *schema.Schema) (words, error) {
	l := s.WordSetLoader()
	w := words{
		phase:      l.Get("phase-verbs"),
		places:     l.Get("place-nouns"),
		forces:     l.Get("force-nouns"),
		mediaNames: l.Get("media-name-words"),
		placeParts: l.Get("place-part-words"),
		members:    l.Get("member-nouns"),
		stateNouns: l.Get("state-nouns"),
	}
	return w, l.Err()
}
