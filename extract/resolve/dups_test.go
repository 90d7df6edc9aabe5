package resolve

import (
	"testing"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// TestGivenNameReadAsPlace: a given name the recognizer typed as a place
// joins the one person whose full name came before it, not one named
// only after it.
func TestGivenNameReadAsPlace(t *testing.T) {
	for _, c := range []struct {
		placeAt, personAt int
		joined            bool
	}{
		{placeAt: 10, personAt: 2, joined: true},  // "Teodoro Salas" … "only as Teodoro"
		{placeAt: 2, personAt: 10, joined: false}, // "Elisa and Elisa Eesti"
	} {
		d := &nlp.Document{Tokens: make([]nlp.Token, 20),
			Entities: []nlp.Entity{
				{Type: string(schema.Person), Name: "Teodoro Salas"},
				{Type: string(schema.Location), Name: "Teodoro"},
			},
			Mentions: []nlp.Mention{
				{Start: c.personAt, End: c.personAt + 2, Entity: 0},
				{Start: c.placeAt, End: c.placeAt + 1, Entity: 1},
			}}
		st := &state{d: d, fromGazetteer: map[int]bool{}}
		st.linkPersons()
		if got := st.find(1) == 0; got != c.joined {
			t.Errorf("place at %d, person at %d: joined = %v, want %v", c.placeAt, c.personAt, got, c.joined)
		}
	}
}
