package extract

import (
	"slices"
	"testing"
)

// TestLanguageWordIsNoState checks that a nationality word naming a
// language ("its Spanish initials", "a Russian-language service", "the
// Russian name for the town") makes no mention of a state, while the same
// word before an actor still does.
func TestLanguageWordIsNoState(t *testing.T) {
	for _, tc := range []struct {
		text, state string
		want        bool
	}{
		{"The militia, known by its French acronym FDLR, attacked Goma on Monday.", "Country:France", false},
		{"The guerrillas, known by their Spanish initials, freed two hostages in Arauca.", "Country:Spain", false},
		{"Radio Svoboda, a Russian-language service, said Ukrainian forces shelled Donetsk.", "Country:Russia", false},
		{"The Russian name for the town is Artemovsk, officials in Kyiv said.", "Country:Russia", false},
		{"French troops attacked the militia near Goma on Monday.", "Country:France", true},
	} {
		got := slices.Contains(entityNames(t, tc.text), tc.state)
		if got != tc.want {
			t.Errorf("%q: %s present = %v, want %v (entities %v)", tc.text, tc.state, got, tc.want, entityNames(t, tc.text))
		}
	}
}
