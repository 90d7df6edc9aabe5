package extract

import (
	"slices"
	"testing"
)

// TestPersonNameForms: the family names of a long name, a quoted nickname
// and a given name the full name introduced are one person with it.
func TestPersonNameForms(t *testing.T) {
	for _, c := range []struct {
		text      string
		want, not []string
	}{
		{
			text: "Police in Valdora arrested Luis Carlos Ortiz Beltran on Monday. Ortiz Beltran denied the charges.",
			want: []string{"Person:Luis Carlos Ortiz Beltran"},
			not:  []string{"Person:Ortiz Beltran"},
		},
		{
			text: `The sons of cartel boss Rafael "El Toro" Mendez fled. El Toro was jailed.`,
			want: []string{`Person:Rafael "El Toro" Mendez`},
			not:  []string{"Person:El Toro"},
		},
		{
			// Of three words, the last two may be another man.
			text: "Khalid Omar Haddad met the envoy. Omar Haddad, a banker, was also present.",
			want: []string{"Person:Khalid Omar Haddad", "Person:Omar Haddad"},
		},
	} {
		got := entityNames(t, c.text)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: no %s in %v", c.text, w, got)
			}
		}
		for _, n := range c.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: %s should have joined the full name: %v", c.text, n, got)
			}
		}
	}
}
