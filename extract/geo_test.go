package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/kg-project/kg/graph"
)

// placeGeo returns the gazetteer entry of the Location named name in g.
func placeGeo(t *testing.T, g graph.Graph, name string) (graph.Entity, bool) {
	t.Helper()
	for _, e := range g.Entities {
		if e.Type == "Location" && e.Name == name {
			return e, true
		}
	}
	return graph.Entity{}, false
}

// TestGazetteerFindsTownsInPlaceFrames: a town no hand-made list knows is
// a place after "in", "near", "the town of", before "department" or in
// apposition to "a town", with its GeoNames entry and country.
func TestGazetteerFindsTownsInPlaceFrames(t *testing.T) {
	for _, tc := range []struct {
		text, place, iso3 string
	}{
		{"Police in Bangladesh said two people were wounded in Kishoreganj on Sunday.", "Kishoreganj", "BGD"},
		{"The rebels withdrew from positions near Djibo after the strike, the army of Burkina Faso said.", "Djibo", "BFA"},
		{"Niger said soldiers were operating from a camp in Benin's northern Alibori department.", "Alibori", "BEN"},
		{"Troops reinforced positions around Sake, a town west of Goma, Congo's army said.", "Sake", "COD"},
	} {
		g := extractText(t, tc.text)
		e, ok := placeGeo(t, g, tc.place)
		if !ok {
			t.Errorf("%q: no place %s among %v", tc.text, tc.place, names(g))
			continue
		}
		if e.Geo == nil || e.Geo.GeoNamesID == 0 || e.Country != tc.iso3 {
			t.Errorf("%q: %s has geo %+v and country %q, want a GeoNames entry in %s", tc.text, tc.place, e.Geo, e.Country, tc.iso3)
		}
	}
}

// TestCommonWordsAreNoTowns: words that GeoNames also lists as towns
// ("Police" in Poland, "Mobile" in Alabama, "Bar" in Montenegro, "Of" in
// Turkey) are no places when the text uses them as words, even in a place
// frame.
func TestCommonWordsAreNoTowns(t *testing.T) {
	for _, text := range []string{
		"Officers in Police uniforms stopped the convoy, Kenya's interior ministry said.",
		"Residents in Mobile homes were evacuated after the shelling, Ukraine's emergency service said.",
		"Smoke rose near Bar and Grill restaurants in the district, witnesses said.",
		"Hundreds marched toward Of Course Square on Friday, the organizers of the protest said.",
	} {
		g := extractText(t, text)
		for _, e := range g.Entities {
			if e.Type == "Location" && slices.Contains([]string{"Police", "Mobile", "Bar", "Of"}, e.Name) {
				t.Errorf("%q: %s is a place %+v", text, e.Name, e.Geo)
			}
		}
	}
}

// TestArticleCountryChoosesAmongHomonyms: "Mansoura" is the large Egyptian
// city in an article about Egypt, and an Algerian town in one about
// Algeria.
func TestArticleCountryChoosesAmongHomonyms(t *testing.T) {
	for _, tc := range []struct{ text, iso3 string }{
		{"Egypt's interior ministry said police arrested ten men in Mansoura. Egypt called the group a threat.", "EGY"},
		{"Algeria's army said soldiers killed two militants near Mansoura. Algeria's defence ministry gave no other details.", "DZA"},
	} {
		g := extractText(t, tc.text)
		e, ok := placeGeo(t, g, "Mansoura")
		if !ok || e.Geo == nil || e.Country != tc.iso3 {
			t.Errorf("%q: Mansoura = %+v, want a place in %s among %v", tc.text, e, tc.iso3, names(g))
		}
	}
}

// TestEventsCarryTheirPlace: an event located by its sentence carries the
// place's point with source "text"; one whose sentence names no place
// takes the place of the sentence before ("context"); one far from any
// place the dateline's city ("dateline").
func TestEventsCarryTheirPlace(t *testing.T) {
	g := extractText(t, "KYIV, Ukraine (Reuters) - Russian forces shelled the town of Chuhuiv on Tuesday, Ukraine's military said. "+
		"Russia also warned Ukraine against new attacks. "+
		"The European Union said it would send more aid. "+
		"Its foreign ministers meet next week. "+
		"Officials expect a long debate. "+
		"Russia criticized the European Union on Wednesday.")
	located := map[string]graph.Relation{}
	for _, r := range g.Relations {
		located[r.Relation] = r
		if r.Static() && r.PlaceGeo != nil {
			t.Errorf("static relation %s located at %s", r.Relation, r.Place)
		}
	}
	if r := located["SHELLS"]; r.Place != "Chuhuiv" || r.PlaceSource != "text" || r.PlaceGeo == nil || r.PlaceID == "" {
		t.Errorf("shelling: %+v, want it located at Chuhuiv from the text", r)
	}
	if r := located["WARNS"]; r.Place != "Chuhuiv" || r.PlaceSource != "context" || r.PlaceGeo == nil {
		t.Errorf("warning: %+v, want Chuhuiv from the sentence before", r)
	}
	if r := located["CRITICIZES"]; r.Place != "Kyiv" || r.PlaceSource != "dateline" || r.PlaceGeo == nil || r.PlaceID != "" ||
		r.PlaceGeo.Lat < 50 || r.PlaceGeo.Lat > 51 {
		t.Errorf("criticism: %+v, want the dateline's Kyiv", r)
	}
}

func names(g graph.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	return out
}

// TestDatelineForms: the dateline's city is read in the forms wire
// services write it, after a headline too; a sentence that only looks
// like one is none.
func TestDatelineForms(t *testing.T) {
	x, err := loadExtractor()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, iso3 string }{
		{"Troops sent to quell violence\n\nBANGUI, Dec 21 (Reuters) – Rwanda has sent troops to the Central African Republic.", "CAF"},
		{"Dhaka, Oct 31 (EFE).- Two activists were killed in clashes with police, the party said.", "BGD"},
		{"MOSCOW/KYIV (Reuters) - Russia said it had taken the town.", "RUS"},
		{"PORT SUDAN, Sudan (AP) - Sudan's army said it repelled an assault.", "SDN"},
		{"KHARTOUM - Fighting continued on Monday.", "SDN"},
		{"Russia, China and Iran (the three states) held talks. They agreed on little.", ""},
	} {
		d, err := x.Analyze(context.Background(), tc.text)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.iso3 == "" && d.Dateline != nil:
			t.Errorf("%q: dateline %+v, want none", tc.text, d.Dateline)
		case tc.iso3 != "" && (d.Dateline == nil || d.Dateline.Country != tc.iso3):
			t.Errorf("%q: dateline %+v, want a city in %s", tc.text, d.Dateline, tc.iso3)
		}
	}
}

// TestCapitalAfterNearIsTheCity: no government is "near", "outside" or
// "around" anything, so a capital after those words is the city, resolved
// to its gazetteer entry; after "from" it stays the state.
func TestCapitalAfterNearIsTheCity(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The two delegations met near Jerusalem on Friday, Israel's foreign ministry said.", "Location:Jerusalem"},
		{"Thousands of refugees gathered outside Kabul, the Afghan interior ministry said.", "Location:Kabul"},
		{"Pakistan rejected pressure from Kabul on Monday.", "Country:Afghanistan"},
	} {
		if got := entityNames(t, tc.text); !slices.Contains(got, tc.want) {
			t.Errorf("%q: no %s in %v", tc.text, tc.want, got)
		}
	}
	g := extractText(t, "Thousands of refugees gathered outside Kabul, the Afghan interior ministry said.")
	if e, ok := placeGeo(t, g, "Kabul"); !ok || e.Geo == nil || e.Country != "AFG" {
		t.Errorf("Kabul = %+v, want a gazetteer entry in AFG", e)
	}
}

// TestDistrictsFacilitiesAndSpellings: a district named with its division
// noun resolves to GeoNames' second-level division; a facility kg's place
// list knows stands at the town of its name, less surely; a town written
// in a spelling GeoNames lacks resolves by its skeleton when the text
// says it is a town.
func TestDistrictsFacilitiesAndSpellings(t *testing.T) {
	for _, tc := range []struct {
		text, place, iso3, class string
		maxConfidence            float64
	}{
		{"Pakistan's army said militants attacked a checkpoint in Kurram district on Tuesday.", "Kurram district", "PAK", "A", 1},
		{"Flights were suspended at Istanbul Airport on Monday, Turkey's transport ministry said.", "Istanbul Airport", "TUR", "S", 0.7},
		{"Rockets struck Mitiga International Airport in Tripoli on Monday, Libya's government said.", "Mitiga International Airport", "LBY", "S", 1},
		{"Yemen's Houthi rebels said they had taken Al Hazam city after days of fighting in Yemen.", "Al Hazam city", "YEM", "P", 0.7},
	} {
		g := extractText(t, tc.text)
		e, ok := placeGeo(t, g, tc.place)
		if !ok {
			t.Errorf("%q: no place %s among %v", tc.text, tc.place, names(g))
			continue
		}
		if e.Geo == nil || e.Country != tc.iso3 || e.Geo.FeatureClass != tc.class || e.Geo.Confidence > tc.maxConfidence {
			t.Errorf("%q: %s has geo %+v and country %q, want class %s in %s at confidence ≤ %v", tc.text, tc.place, e.Geo, e.Country, tc.class, tc.iso3, tc.maxConfidence)
		}
	}
	// Without a division or town noun, an unknown spelling stays unresolved.
	g := extractText(t, "Yemen's Houthi rebels said they had taken Al Hazam after days of fighting in Yemen.")
	if e, ok := placeGeo(t, g, "Al Hazam"); ok && e.Geo != nil {
		t.Errorf("Al Hazam without a noun resolved to %+v", e.Geo)
	}
}

// TestRegionsOfDivisions: a region made of divisions named after it stands
// at their centroid in their country (class L, no GeoNames id), and a
// compass word before the state kg's place list gives the place is the
// state's division of that name; a compass word before a name of no state
// is not looked up alone.
func TestRegionsOfDivisions(t *testing.T) {
	for _, tc := range []struct {
		text, place, iso3, class string
	}{
		{"Sudan's army said fighting had spread across Darfur on Sunday.", "Darfur", "SDN", "L"},
		{"Israeli jets struck targets in South Lebanon on Monday, Lebanon said.", "South Lebanon", "LBN", "A"},
	} {
		g := extractText(t, tc.text)
		e, ok := placeGeo(t, g, tc.place)
		if !ok {
			t.Errorf("%q: no place %s among %v", tc.text, tc.place, names(g))
			continue
		}
		if e.Geo == nil || e.Country != tc.iso3 || e.Geo.FeatureClass != tc.class {
			t.Errorf("%q: %s has geo %+v and country %q, want class %s in %s", tc.text, tc.place, e.Geo, e.Country, tc.class, tc.iso3)
		}
	}
	g := extractText(t, "Gunmen attacked a convoy near South Qarnayt on Monday, Lebanon said.")
	if e, ok := placeGeo(t, g, "South Qarnayt"); ok && e.Geo != nil {
		t.Errorf("South Qarnayt resolved to %+v", e.Geo)
	}
}
