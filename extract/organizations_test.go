package extract

import (
	"slices"
	"testing"
)

// TestWiderOrganizationsGazetteer covers organizations of the gazetteer's
// wider list (armed groups, their outlets, regional blocs) found by name or
// acronym, and a name of the list that is also a common word, which needs
// its capital and its place in a name.
func TestWiderOrganizationsGazetteer(t *testing.T) {
	names := entityNames(t, "JNIM fighters ambushed a convoy near Djibo on Monday. The Arakan Army seized a town in Rakhine, and the Alliance of Sahel States condemned the attack.")
	for _, want := range []string{"Organization:Jama'at Nusrat al-Islam wal-Muslimin", "Organization:Arakan Army", "Organization:Alliance of Sahel States"} {
		if !slices.Contains(names, want) {
			t.Errorf("no %s in %q", want, names)
		}
	}
	if names := entityNames(t, "At dawn, Peruvian troops entered the town."); slices.Contains(names, "Organization:Dawn") {
		t.Errorf("the common word dawn became the newspaper: %q", names)
	}
}

// TestPeacekeepersJoinTheirStatesMilitary covers a state's peacekeepers: a
// contingent of its armed forces when the article names them too, an actor
// of their own when it does not.
func TestPeacekeepersJoinTheirStatesMilitary(t *testing.T) {
	names := entityNames(t, "Rebels attacked a base housing Peruvian troops on Tuesday. The mission paid tribute to the Peruvian peacekeepers who died.")
	if slices.Contains(names, "Organization:Peruvian peacekeepers") || !slices.Contains(names, "Organization:Peruvian military") {
		t.Errorf("with the troops named, entities %q: want the peacekeepers in the Peruvian military", names)
	}
	names = entityNames(t, "Peruvian peacekeepers left the buffer zone on Tuesday, Chile said.")
	if !slices.Contains(names, "Organization:Peruvian peacekeepers") {
		t.Errorf("alone, entities %q: want the Peruvian peacekeepers", names)
	}
}
