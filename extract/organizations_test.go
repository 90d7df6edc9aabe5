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
