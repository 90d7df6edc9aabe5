// Package geo is kg's world gazetteer: the populated places of GeoNames
// with at least 1,000 inhabitants and the first- and second-level
// administrative divisions of every country, and the large and medium airports of
// OurAirports, with coordinates, country codes (ISO 3166-1
// alpha-2 and alpha-3, FIPS 10-4) and population, embedded in the binary as
// a compact index (world.bin.gz, made by `go generate` from registry
// packages: see gen/ and docs/geo.md), and the choice among the places that
// share a name.
//
// GeoNames data (geonames.org) is licensed under CC BY 4.0; OurAirports data
// (ourairports.com) is in the public domain.
package geo

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/kg-project/kg/flat"
)

//go:generate sh gen/generate.sh

//go:embed world.bin.gz
var world []byte

// Feature classes of GeoNames that the gazetteer holds.
const (
	ClassPopulated = 'P' // city, town, village
	ClassAdmin     = 'A' // administrative division: first level (province, region, state) or second (district, zone, county)
	// ClassSpot is an airport or air base of OurAirports (GeoNames files
	// airports in its class S, spots and buildings).
	ClassSpot = 'S'
	// ClassRegion is a region the gazetteer has no entry for but whose
	// parts are divisions named after it (Gazetteer.Region): GeoNames'
	// class L (parks, areas), without a GeoNames id.
	ClassRegion = 'L'
)

// Country is a state of the gazetteer.
type Country struct {
	ISO2, ISO3, FIPS string // ISO 3166-1 alpha-2 and alpha-3, FIPS 10-4 (GDELT's country codes)
	Name             string
	GeoNamesID       uint32
	// Lat and Lon are the population-weighted centroid of the country's
	// towns in the gazetteer, where GDELT puts a country-level location.
	Lat, Lon float64
}

// AirportIDBase numbers the airports, which have no GeoNames id: an
// airport's ID is AirportIDBase plus its OurAirports id, above every
// GeoNames id.
const AirportIDBase = 1 << 31

// Place is one gazetteer entry.
type Place struct {
	ID     uint32 // GeoNames id; AirportIDBase and more for an airport; 0 for a region (Gazetteer.Region)
	Name   string // GeoNames name, as GeoNames writes it ("Şa‘dah")
	Class  byte   // ClassPopulated or ClassAdmin
	ISO3   string // country, ISO 3166-1 alpha-3
	Admin1 string // GeoNames admin-1 code within the country ("15"); the division's own code for a division
	// Admin2 is the GeoNames admin-2 code within the first-level division
	// ("2909"): a second-level division's own code, the district a town
	// lies in when GeoNames gives one, "" for a first-level division.
	Admin2     string
	Population uint32
	// Lat and Lon are WGS84 degrees. A division's point is the
	// population-weighted centroid of its towns.
	Lat, Lon float64
	country  uint16
}

// GeoNamesID is p's GeoNames id, 0 for an airport or a region, which
// have none.
func (p Place) GeoNamesID() uint32 {
	if p.ID >= AirportIDBase {
		return 0
	}
	return p.ID
}

// Level is a division's level, 1 (province) or 2 (district); 0 for a town.
func (p Place) Level() int {
	switch {
	case p.Class != ClassAdmin:
		return 0
	case p.Admin2 == "":
		return 1
	}
	return 2
}

// AtProvince reports whether p is a district placed at its province's
// point because the data puts no town in it (it has no population then).
func (p Place) AtProvince() bool { return p.Level() == 2 && p.Population == 0 }

// Gazetteer is the loaded index. It is read-only and safe for concurrent use.
// Its tables are flat (package flat), so that a process maps them from the
// cache instead of building them.
type Gazetteer struct {
	countries []Country
	byISO3    map[string]int
	places    []placeRec   // sorted by ID
	names     flat.Strings // place i's name
	codes     flat.Strings // admin codes
	keys      flat.Strings // sorted Keys
	post      []int32      // places of each key, keys[i]'s at post[postStart[i]:postStart[i+1]]
	postStart []int32
	// admin1 finds each first-level division by admin1Key, admin1Place
	// gives its place.
	admin1      flat.Map
	admin1Place []int32
	// byCountry lists the keys naming a place of each country (ISO3),
	// built by LooseLookup's first call: most runs never need it.
	byCountry     map[string][]int32
	byCountryOnce sync.Once
}

// place returns place i.
func (g *Gazetteer) place(i int32) Place {
	r := &g.places[i]
	return Place{ID: r.ID, Name: g.names.At(int(i)), Class: r.Class, ISO3: g.countries[r.Country].ISO3,
		Admin1: g.codes.At(int(r.Admin1)), Admin2: g.codes.At(int(r.Admin2)), Population: r.Population,
		Lat: r.Lat, Lon: r.Lon, country: r.Country}
}

// key returns the index of key k, or -1.
func (g *Gazetteer) key(k string) int {
	n := g.keys.Len()
	i := sort.Search(n, func(i int) bool { return g.keys.At(i) >= k })
	if k == "" || i == n || g.keys.At(i) != k {
		return -1
	}
	return i
}

// indexCountries builds byCountry.
func (g *Gazetteer) indexCountries() {
	g.byCountry = map[string][]int32{}
	for k := range g.keys.Len() {
		last := ""
		for _, p := range g.post[g.postStart[k]:g.postStart[k+1]] {
			if iso := g.countries[g.places[p].Country].ISO3; iso != last {
				g.byCountry[iso] = append(g.byCountry[iso], int32(k))
				last = iso
			}
		}
	}
}

// load reads the embedded index once, through the cache (flat.Load).
var load = sync.OnceValues(func() (*Gazetteer, error) {
	p, err := flat.Load(bytes.NewReader(world), "geo.world", flat.Dir(), flatten)
	if err != nil {
		return nil, fmt.Errorf("geo: world.bin.gz: %w", err)
	}
	g, err := view(p)
	if err != nil {
		return nil, fmt.Errorf("geo: world.bin.gz: %w", err)
	}
	return g, nil
})

// Load returns the embedded gazetteer, decoding it on the first call.
func Load() (*Gazetteer, error) { return load() }

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the places one of whose names has the Key of name, most
// populous first.
func (g *Gazetteer) Lookup(name string) []Place {
	i := g.key(Key(name))
	if i < 0 {
		return nil
	}
	post := g.post[g.postStart[i]:g.postStart[i+1]]
	out := make([]Place, len(post))
	for j, p := range post {
		out[j] = g.place(p)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Population > out[b].Population })
	return out
}

// LooseLookup returns the places of country iso3 (ISO 3166-1 alpha-3)
// one of whose names has the Skeleton of name, when that skeleton has
// three consonants or more: the spellings transliteration varies in
// ("Nehim" for Nihm, "Al Hazam" for Al Ḩazm). It is a fallback for a name
// Lookup does not know, in a country the text supports, as the skeleton
// is ambiguous within the world.
func (g *Gazetteer) LooseLookup(name, iso3 string) []Place {
	sk := Skeleton(name)
	if len(strings.ReplaceAll(sk, " ", "")) < 3 {
		return nil
	}
	g.byCountryOnce.Do(g.indexCountries)
	var out []Place
	seen := map[int32]bool{}
	for _, k := range g.byCountry[iso3] {
		if keySkeleton(g.keys.At(int(k))) != sk {
			continue
		}
		for _, p := range g.post[g.postStart[k]:g.postStart[k+1]] {
			if pl := g.place(p); pl.ISO3 == iso3 && !seen[p] {
				seen[p] = true
				out = append(out, pl)
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Population > out[b].Population })
	return out
}

// ByID returns the place with GeoNames id id.
func (g *Gazetteer) ByID(id uint32) (Place, bool) {
	i := sort.Search(len(g.places), func(i int) bool { return g.places[i].ID >= id })
	if i == len(g.places) || g.places[i].ID != id {
		return Place{}, false
	}
	return g.place(int32(i)), true
}

// Known reports whether some place has a name with the Key of name.
func (g *Gazetteer) Known(name string) bool { return g.key(Key(name)) >= 0 }

// CountryByID returns the country with GeoNames id id.
func (g *Gazetteer) CountryByID(id uint32) (Country, bool) {
	for _, c := range g.countries {
		if c.GeoNamesID == id {
			return c, true
		}
	}
	return Country{}, false
}

// Country returns the country of ISO 3166-1 alpha-3 code iso3.
func (g *Gazetteer) Country(iso3 string) (Country, bool) {
	i, ok := g.byISO3[iso3]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// Admin1Of returns the first-level division a town or district lies in.
func (g *Gazetteer) Admin1Of(p Place) (Place, bool) {
	if p.Level() == 1 {
		return Place{}, false
	}
	i := g.admin1.Index(admin1Key(p.country, p.Admin1))
	if i < 0 {
		return Place{}, false
	}
	return g.place(g.admin1Place[i]), true
}

// FullName is the place's name, its division's and its country's, as
// GDELT writes a location ("Sa'dah, Sa'dah, Yemen").
func (g *Gazetteer) FullName(p Place) string {
	s := p.Name
	if a, ok := g.Admin1Of(p); ok && a.Name != p.Name {
		s += ", " + a.Name
	}
	if c, ok := g.Country(p.ISO3); ok {
		s += ", " + c.Name
	}
	return s
}

// ADM1Code is GDELT's code of the place's first-level division: the FIPS
// country code and the GeoNames admin-1 code ("YM15"); just the country's
// code when the division is not known.
func (g *Gazetteer) ADM1Code(p Place) string {
	c, ok := g.Country(p.ISO3)
	if !ok {
		return ""
	}
	if p.Admin1 == "" || p.Admin1 == "00" {
		return c.FIPS
	}
	return c.FIPS + p.Admin1
}

// earthRadiusKm is the mean Earth radius.
const earthRadiusKm = 6371.0088

// DistanceKm is the great-circle distance between two points in degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// regionParts are the compass words by which divisions named after a
// region split it ("North Darfur", "Lower Shabelle").
var regionParts = []string{"north", "south", "east", "west", "northern", "southern", "eastern", "western",
	"central", "middle", "upper", "lower", "north east", "north west", "south east", "south west"}

// Region returns the region name names when two or more divisions of one
// country are called by a compass word and the name ("Darfur": North,
// South, West, Central and East Darfur; "Hwanghae": North and South
// Hwanghae), or name two or more provinces by a part of their hyphened names
// ("Essequibo": Upper Takutu-Upper Essequibo, Essequibo Islands-West
// Demerara), and the gazetteer has no place of the name itself: a place of
// ClassRegion, with no GeoNames id, the divisions' population and their
// population-weighted centroid. ok is false otherwise, and when the
// divisions are in several countries.
func (g *Gazetteer) Region(name string) (Place, bool) {
	k := Key(name)
	if k == "" || g.Known(name) {
		return Place{}, false
	}
	seen := map[uint32]bool{}
	var parts []Place
	add := func(p Place) {
		if p.Class == ClassAdmin && !seen[p.ID] {
			seen[p.ID] = true
			parts = append(parts, p)
		}
	}
	for _, w := range regionParts {
		for _, p := range g.Lookup(w + " " + k) {
			add(p)
		}
	}
	// Provinces named by two regions joined by a hyphen: "Upper
	// Takutu-Upper Essequibo" and "Essequibo Islands-West Demerara" lie in
	// Essequibo.
	for _, i := range g.admin1Place {
		p := g.place(i)
		if !strings.Contains(p.Name, "-") {
			continue
		}
		for _, part := range strings.Split(p.Name, "-") {
			pk := Key(part)
			for _, w := range regionParts {
				pk = strings.TrimPrefix(pk, Key(w)+" ")
			}
			if pk == k || strings.HasPrefix(pk, k+" ") {
				add(p)
			}
		}
	}
	if len(parts) < 2 {
		return Place{}, false
	}
	sort.Slice(parts, func(i, j int) bool { return parts[i].ID < parts[j].ID })
	r := Place{Name: name, Class: ClassRegion, ISO3: parts[0].ISO3, country: parts[0].country}
	var w float64
	for _, p := range parts {
		if p.ISO3 != r.ISO3 {
			return Place{}, false
		}
		r.Population += p.Population
		pw := float64(p.Population) + 1
		r.Lat += pw * p.Lat
		r.Lon += pw * p.Lon
		w += pw
	}
	r.Lat, r.Lon = math.Round(r.Lat/w*1e5)/1e5, math.Round(r.Lon/w*1e5)/1e5
	return r, true
}
