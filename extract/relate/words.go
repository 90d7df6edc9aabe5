package relate

import "github.com/kg-project/kg/schema"

// words are the word sets of schema/data/words that the rules of this package
// read, fetched once by New.
type words struct {
	phase    schema.WordSet // phase-verbs
	response schema.WordSet // response-verbs
}

// loadWords fetches the package's word sets from s.
func loadWords(s *schema.Schema) (words, error) {
	l := s.WordSetLoader()
	w := words{
		phase:    l.Get("phase-verbs"),
		response: l.Get("response-verbs"),
	}
	return w, l.Err()
}
