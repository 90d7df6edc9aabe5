package extract

import (
	"slices"
	"testing"
)

// TestOneWordNameAfterPlacePrepositionIsAPlace checks that a one-word name
// the recognizer took for a person is a place after "near", "in" or "at",
// and that a name followed by a possessive stays a person.
func TestOneWordNameAfterPlacePrepositionIsAPlace(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"Gunmen ambushed an army convoy near Boni on Sunday, killing four soldiers.", "Location:Boni"},
		{"Fighting resumed in Kadugli after the talks collapsed, the army said.", "Location:Kadugli"},
		{"President Amina Ruto spoke on Monday. In Ruto's words, the war must end.", "Person:Amina Ruto"},
	} {
		if got := entityNames(t, tc.text); !slices.Contains(got, tc.want) {
			t.Errorf("%q: no %s in %v", tc.text, tc.want, got)
		}
	}
}
