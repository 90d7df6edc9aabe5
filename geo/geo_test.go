package geo

import (
	"bytes"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Şa‘dah", "Sa'dah"},
		{"Sa'dah", "Sadah"},
		{"Middle Shabeelle", "Middle Shabelle"},
		{"Al-Fashir", "Fashir"},
		{"El Fasher", "Fasher"},
		{"the Hague", "Hague"},
		{"Łódź", "Lodz"},
		{"Port-au-Prince", "port au prince"},
	} {
		if Key(c.a) != Key(c.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", c.a, Key(c.a), c.b, Key(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{{"Goma", "Gomal"}, {"Al", "El"}, {"Mosul", "Masul"}} {
		if Key(c.a) == Key(c.b) {
			t.Errorf("Key(%q) = Key(%q) = %q: want different", c.a, c.b, Key(c.a))
		}
	}
	if Key("Al") != "al" {
		t.Errorf(`Key("Al") = %q: a lone article is the name`, Key("Al"))
	}
}

func TestEmbeddedIndex(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 150000 {
		t.Fatalf("%d places, want the ≥150,000 of GeoNames cities1000 and the divisions", g.Len())
	}
	// Known places by a spelling news uses, in their country, with a point
	// near where they are.
	for _, c := range []struct {
		name, iso3 string
		class      byte
		lat, lon   float64
		withinKm   float64
	}{
		{"Bangui", "CAF", ClassPopulated, 4.36, 18.55, 5},
		{"Saada", "YEM", ClassPopulated, 16.94, 43.76, 5},
		{"Kishoreganj", "BGD", ClassPopulated, 24.44, 90.78, 10},
		{"Middle Shabelle", "SOM", ClassAdmin, 2.8, 45.5, 150},
		{"Apure", "VEN", ClassAdmin, 7.3, -68.5, 300},
		{"Kyiv", "UKR", ClassPopulated, 50.45, 30.52, 5},
		// Second-level divisions: Pakistan's Kurram district, Burkina
		// Faso's Soum province (by its alias "Soum Province").
		{"Kurram", "PAK", ClassAdmin, 33.7, 70.3, 100},
		{"Soum Province", "BFA", ClassAdmin, 14.1, -1.5, 100},
	} {
		found := false
		for _, p := range g.Lookup(c.name) {
			if p.ISO3 == c.iso3 && p.Class == c.class {
				found = true
				if d := DistanceKm(p.Lat, p.Lon, c.lat, c.lon); d > c.withinKm {
					t.Errorf("%s (%s) at %.4f,%.4f: %.0f km from %.2f,%.2f", c.name, p.Name, p.Lat, p.Lon, d, c.lat, c.lon)
				}
				break
			}
		}
		if !found {
			t.Errorf("Lookup(%q) has no %c place in %s: %v", c.name, c.class, c.iso3, g.Lookup(c.name))
		}
	}
	if ps := g.Lookup("Tripoli"); len(ps) < 2 {
		t.Errorf("Lookup(Tripoli) = %v, want the Libyan and the Lebanese city", ps)
	}
	if ps := g.Lookup("Xqzzyv"); ps != nil {
		t.Errorf("Lookup(Xqzzyv) = %v, want none", ps)
	}
	c, ok := g.Country("YEM")
	if !ok || c.ISO2 != "YE" || c.FIPS != "YM" {
		t.Errorf("Country(YEM) = %+v, %v; want ISO2 YE, FIPS YM", c, ok)
	}
	for _, p := range g.Lookup("Saada") {
		if p.ISO3 == "YEM" && p.Class == ClassPopulated {
			if got := g.ADM1Code(p); !strings.HasPrefix(got, "YM") || len(got) != 4 {
				t.Errorf("ADM1Code(Saada) = %q, want YM and two characters", got)
			}
			if got := g.FullName(p); !strings.HasSuffix(got, ", Yemen") {
				t.Errorf("FullName(Saada) = %q, want it to end in the country", got)
			}
		}
	}
}

func TestDistricts(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var kurram Place
	for _, p := range g.Lookup("Kurram District") {
		if p.ISO3 == "PAK" && p.Level() == 2 {
			kurram = p
		}
	}
	if kurram.ID == 0 || kurram.Admin2 == "" || kurram.AtProvince() {
		t.Fatalf("Lookup(Kurram District) = %+v, want a district of Pakistan placed by its towns", kurram)
	}
	if a, ok := g.Admin1Of(kurram); !ok || a.Level() != 1 || a.Admin1 != kurram.Admin1 {
		t.Errorf("Admin1Of(Kurram) = %+v, %v; want its province", a, ok)
	}
	// Ethiopia's zones hold no town in the data: they stand at their
	// region's point, and say so.
	for _, p := range g.Lookup("Wag Hemra") {
		if p.ISO3 == "ETH" && !p.AtProvince() {
			t.Errorf("Wag Hemra = %+v, want a district at its province's point", p)
		}
	}
	m, ok := g.Resolve("Wag Hemra", Hint{}, Context{Countries: map[string]float64{"ETH": 1}})
	if !ok || m.ISO3 != "ETH" || m.Confidence > atProvince {
		t.Errorf("Resolve(Wag Hemra) = %+v, %v; want the Ethiopian zone at confidence ≤ %v", m, ok, atProvince)
	}
	// A town over a district of the same name when the text says neither.
	m, ok = g.Resolve("Kishoreganj", Hint{}, Context{Countries: map[string]float64{"BGD": 1}})
	if !ok || m.Class != ClassPopulated {
		t.Errorf("Resolve(Kishoreganj) = %+v, %v; want the town", m, ok)
	}
	m, ok = g.Resolve("Kishoreganj", Hint{Class: ClassAdmin}, Context{Countries: map[string]float64{"BGD": 1}})
	if !ok || m.Level() != 2 {
		t.Errorf("Resolve(Kishoreganj district) = %+v, %v; want the district", m, ok)
	}
}

func TestSkeleton(t *testing.T) {
	for _, c := range []struct{ a, b string }{{"Nehim", "Nihm"}, {"Al Hazam", "Al Ḩazm"}, {"Marib", "Maarib"}} {
		if Skeleton(c.a) != Skeleton(c.b) {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q: want equal", c.a, Skeleton(c.a), c.b, Skeleton(c.b))
		}
	}
	for _, c := range []struct{ a, b string }{{"Goma", "Gomal"}, {"Nihm", "Nahim Hill"}} {
		if Skeleton(c.a) == Skeleton(c.b) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q: want different", c.a, c.b, Skeleton(c.a))
		}
	}
}

// TestResolveLoose: a spelling the gazetteer lacks resolves by its
// skeleton only when the text says it is a place and in a state the
// article is about.
func TestResolveLoose(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	yemen := Context{Countries: map[string]float64{"YEM": 1}}
	if m, ok := g.Resolve("Nehim", Hint{Class: ClassAdmin}, yemen); ok {
		t.Errorf("Resolve(Nehim) without Loose = %+v, want none", m)
	}
	m, ok := g.Resolve("Nehim", Hint{Class: ClassAdmin, Loose: true}, yemen)
	if !ok || m.Name != "Nihm" || m.Confidence > loose*atProvince {
		t.Errorf("Resolve(Nehim district) = %+v, %v; want Nihm at confidence ≤ %v", m, ok, loose*atProvince)
	}
	m, ok = g.Resolve("Al Hazam", Hint{Class: ClassPopulated, Loose: true}, yemen)
	if !ok || m.ISO3 != "YEM" || m.Class != ClassPopulated || m.Confidence > loose {
		t.Errorf("Resolve(Al Hazam city) = %+v, %v; want the Yemeni town at confidence ≤ %v", m, ok, loose)
	}
	if m, ok := g.Resolve("Nehim", Hint{Class: ClassAdmin, Loose: true}, Context{Countries: map[string]float64{"FRA": 1}}); ok {
		t.Errorf("Resolve(Nehim) in a story about France = %+v, want none", m)
	}
}

func TestEncodeDecode(t *testing.T) {
	d := &Data{
		Countries: []Country{{ISO2: "YE", ISO3: "YEM", FIPS: "YM", Name: "Yemen", GeoNamesID: 69543}},
		Places: []Place{
			{ID: 71334, Name: "Sa'dah", Class: ClassPopulated, ISO3: "YEM", Admin1: "15", Admin2: "1509", Population: 51870, Lat: 16.94021, Lon: 43.76393},
			{ID: 71333, Name: "Şa‘dah", Class: ClassAdmin, ISO3: "YEM", Admin1: "15", Population: 60000, Lat: 16.9, Lon: -43.7},
		},
		Keys: map[string][]int32{Key("Saada"): {0, 1}, Key("Sa'dah"): {0}},
	}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err == nil {
		t.Fatal("Encode accepted places not sorted by id")
	}
	d.Places[0], d.Places[1] = d.Places[1], d.Places[0]
	buf.Reset()
	if err := Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	g, err := decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ps := g.Lookup("Saada")
	if len(ps) != 2 || ps[0].Name != "Şa‘dah" || ps[0].Lon != -43.7 || ps[1].Lat != 16.94021 || ps[1].ISO3 != "YEM" || ps[1].Admin2 != "1509" || ps[0].Admin2 != "" {
		t.Errorf("Lookup(Saada) = %+v", ps)
	}
	if a, ok := g.Admin1Of(ps[1]); !ok || a.ID != 71333 {
		t.Errorf("Admin1Of(Sa'dah) = %+v, %v", a, ok)
	}
	// A truncated file is an error, never a partial gazetteer.
	raw := buf.Bytes()
	if _, err := decode(bytes.NewReader(raw[:len(raw)-12])); err == nil {
		t.Error("decode accepted a truncated file")
	}
}

func TestDistanceKm(t *testing.T) {
	// Kyiv to Kharkiv is about 410 km.
	if d := DistanceKm(50.45, 30.52, 49.99, 36.23); d < 400 || d > 420 {
		t.Errorf("DistanceKm(Kyiv, Kharkiv) = %.0f", d)
	}
}

func TestResolveHomonyms(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	libya := Context{Countries: map[string]float64{"LBY": 1}}
	lebanon := Context{Countries: map[string]float64{"LBN": 1}}
	for _, c := range []struct {
		name string
		h    Hint
		ctx  Context
		iso3 string
		cls  byte
	}{
		// The article's country decides between homonyms.
		{"Tripoli", Hint{}, libya, "LBY", ClassPopulated},
		{"Tripoli", Hint{}, lebanon, "LBN", ClassPopulated},
		// Without context the most populous reading wins.
		{"Bangui", Hint{}, Context{}, "CAF", ClassPopulated},
		// The class the text names: "Saada province" is the governorate.
		{"Saada", Hint{Class: ClassAdmin}, Context{}, "YEM", ClassAdmin},
		{"Saada", Hint{}, Context{Countries: map[string]float64{"YEM": 1}}, "YEM", ClassPopulated},
		// A hinted country filters.
		{"Tripoli", Hint{ISO3: "LBN"}, libya, "LBN", ClassPopulated},
	} {
		m, ok := g.Resolve(c.name, c.h, c.ctx)
		if !ok || m.ISO3 != c.iso3 || m.Class != c.cls {
			t.Errorf("Resolve(%q, %+v, %v) = %s %s %c, %v; want %s %c", c.name, c.h, c.ctx.Countries, m.Name, m.ISO3, m.Class, ok, c.iso3, c.cls)
		}
	}
	// Nearness: a Goma near a place resolved in Congo is the Congolese city.
	m, ok := g.Resolve("Goma", Hint{}, Context{Near: []Point{{-1.5, 29.0}}})
	if !ok || m.ISO3 != "COD" {
		t.Errorf("Goma near Sake = %+v", m)
	}
	// No reading in the hinted country: no match.
	if m, ok := g.Resolve("Bangui", Hint{ISO3: "FRA"}, Context{}); ok {
		t.Errorf("Bangui in France = %+v, want none", m)
	}
	// Confidence: lower without country support.
	withCtx, _ := g.Resolve("Tripoli", Hint{}, libya)
	without, _ := g.Resolve("Tripoli", Hint{}, Context{})
	if withCtx.Confidence <= without.Confidence {
		t.Errorf("confidence with the article's country %.2f, without %.2f: want higher with", withCtx.Confidence, without.Confidence)
	}
}

// TestResolveDoubtsSmallTownsAbroad: a village in a state the article does
// not name is likelier a namesake of a place the gazetteer lacks.
func TestResolveDoubtsSmallTownsAbroad(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sudan := Context{Countries: map[string]float64{"SDN": 1}}
	m, ok := g.Resolve("Tawila", Hint{}, sudan)
	if !ok || m.ISO3 == "SDN" || m.Confidence >= 0.4 {
		t.Errorf("Tawila in a Sudan story = %s %s %.2f, %v; want a foreign namesake under 0.4", m.Name, m.ISO3, m.Confidence, ok)
	}
	m, ok = g.Resolve("Tawila", Hint{}, Context{Countries: map[string]float64{m.ISO3: 1}})
	if !ok || m.Confidence < 0.8 {
		t.Errorf("Tawila in a story of its own country = %.2f, %v; want a sure reading", m.Confidence, ok)
	}
}

// TestRegion: a name the gazetteer lacks whose parts are divisions named
// by compass words is the region they make, in their country; a name the
// gazetteer knows, or whose divisions are none, is no region.
func TestRegion(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, iso3             string
		lat0, lat1, lon0, lon1 float64 // bounds of the region
	}{
		{"Darfur", "SDN", 9, 16, 22, 27.5},
		{"Hwanghae", "PRK", 37.5, 39, 124.5, 127},
		{"Kordofan", "SDN", 9, 16, 26.5, 32.5},
		{"Essequibo", "GUY", 1, 8.5, -61.5, -57.5},
	} {
		r, ok := g.Region(c.name)
		if !ok || r.ISO3 != c.iso3 || r.Class != ClassRegion || r.ID != 0 || r.Lat < c.lat0 || r.Lat > c.lat1 || r.Lon < c.lon0 || r.Lon > c.lon1 {
			t.Errorf("Region(%q) = %+v, %v; want a region of %s within lat %g-%g lon %g-%g", c.name, r, ok, c.iso3, c.lat0, c.lat1, c.lon0, c.lon1)
		}
		m, ok := g.Resolve(c.name, Hint{}, Context{Countries: map[string]float64{c.iso3: 1}})
		if !ok || m.Class != ClassRegion || m.Confidence < 0.9 {
			t.Errorf("Resolve(%q) = %+v, %v; want the region, sure", c.name, m, ok)
		}
	}
	for _, n := range []string{"Lebanon", "Carolina", "Donbas", "Province", "Mobile"} {
		if r, ok := g.Region(n); ok {
			t.Errorf("Region(%q) = %+v; want none", n, r)
		}
	}
}

// TestAirports: the airports of OurAirports are places of class S under
// their names and other names, with no GeoNames id; airstrips are not.
func TestAirports(t *testing.T) {
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, iso3 string
		lat, lon   float64
	}{
		{"Mitiga International Airport", "LBY", 32.89, 13.29},
		{"Okba Ben Nafi Air Base", "LBY", 32.89, 13.29}, // another name of Mitiga
		{"Toussaint Louverture International Airport", "HTI", 18.58, -72.29},
	} {
		ps := g.Lookup(c.name)
		if len(ps) != 1 || ps[0].Class != ClassSpot || ps[0].ISO3 != c.iso3 || ps[0].GeoNamesID() != 0 || DistanceKm(ps[0].Lat, ps[0].Lon, c.lat, c.lon) > 2 {
			t.Errorf("Lookup(%q) = %+v; want one airport of %s at %g,%g", c.name, ps, c.iso3, c.lat, c.lon)
		}
	}
	if ps := g.Lookup("Aero B Ranch Airport"); len(ps) != 0 {
		t.Errorf("an airstrip is in the gazetteer: %+v", ps)
	}
	// The keywords that name a place, not the airport, are not its names.
	for _, p := range g.Lookup("Kurdistan Region") {
		if p.Class == ClassSpot {
			t.Errorf("Kurdistan Region is an airport: %+v", p)
		}
	}
}

// BenchmarkDecode measures loading the embedded index (docs/geo.md).
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := decode(bytes.NewReader(world)); err != nil {
			b.Fatal(err)
		}
	}
}
