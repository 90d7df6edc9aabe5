package schema

import (
	"strings"
	"testing"
)

func TestPersonNameMatching(t *testing.T) {
	w := strings.Fields
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"ryabkov", "sergey ryabkov", true},
		{"sergey", "sergey ryabkov", true},
		{"khawaja asif", "khawaja muhammad asif", true},
		{"burhan", "abdel fattah al-burhan", true},
		{"muhammad asif", "khawaja muhammad asif", false},
		{"lavrov", "sergey ryabkov", false},
		{"sergey ryabkov", "sergey ryabkov", false},
		// A transliteration of the surname.
		{"zelensky", "volodymyr zelenskyy", true},
		{"zelenskiy", "volodymyr zelensky", true},
		{"lavrov", "sergey lavrova", true},
		{"ahmad", "khalid ahmed", false}, // short names: too many namesakes
		{"peskova", "dmitry lavrov", false},
		// The family names of a long name, and a quoted nickname.
		{"ortiz beltran", "luis carlos ortiz beltran", true},
		{"carlos ortiz", "luis carlos ortiz beltran", false},
		{"el toro", `ramon "el toro" salas`, true},
		{"ramon el", `ramon "el toro" salas`, false},
	} {
		if got := PartOfName(w(c.short), w(c.long)); got != c.want {
			t.Errorf("PartOfName(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"sergey ryabkov", "sergei ryabkov", true},
		{"dmitry peskov", "dmitri peskov", true},
		{"sergey lavrov", "sergey ryabkov", false},
		{"sergey ryabkov", "andrei ryabkov", false},
		{"anna ryabkov", "sergey ryabkov", false},
	} {
		if got := VariantName(w(c.a), w(c.b)); got != c.want {
			t.Errorf("VariantName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
