package geo

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/kg-project/kg/flat"
)

// The index file (world.bin.gz) is gzip of:
//
//	magic "kg-geo 3\n"
//	countries: count, then per country ISO2, ISO3, FIPS, name, GeoNames id,
//	  latitude and longitude in 1e-5 degrees
//	places, sorted by GeoNames id: count, then per place the id's delta,
//	  name, feature class byte, country number, admin-1 code, admin-2 code,
//	  population,
//	  latitude and longitude in 1e-5 degrees as signed deltas
//	keys, sorted: count, then per key the length of the prefix it shares
//	  with the key before, the rest, and its places' numbers (count, then
//	  ascending deltas)
//
// Numbers are varints, strings a varint length and UTF-8 bytes.

const magic = "kg-geo 3\n"

// coordScale is the unit of stored coordinates: 1e-5 degrees, about a metre.
const coordScale = 1e5

// Data is the content of an index file, as the generator builds it.
type Data struct {
	Countries []Country
	Places    []Place            // sorted by ID
	Keys      map[string][]int32 // Key → indexes into Places
}

type writer struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (w *writer) uint(v uint64) { w.w.Write(w.buf[:binary.PutUvarint(w.buf[:], v)]) }
func (w *writer) int(v int64)   { w.w.Write(w.buf[:binary.PutVarint(w.buf[:], v)]) }
func (w *writer) str(s string)  { w.uint(uint64(len(s))); w.w.WriteString(s) }

// Encode writes d as an index file.
func Encode(out io.Writer, d *Data) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := &writer{w: bufio.NewWriter(zw)}
	w.w.WriteString(magic)
	w.uint(uint64(len(d.Countries)))
	for _, c := range d.Countries {
		w.str(c.ISO2)
		w.str(c.ISO3)
		w.str(c.FIPS)
		w.str(c.Name)
		w.uint(uint64(c.GeoNamesID))
		w.int(int64(math.Round(c.Lat * coordScale)))
		w.int(int64(math.Round(c.Lon * coordScale)))
	}
	country := make(map[string]int, len(d.Countries))
	for i, c := range d.Countries {
		country[c.ISO3] = i
	}
	w.uint(uint64(len(d.Places)))
	var id uint32
	var lat, lon int64
	for _, p := range d.Places {
		if p.ID < id {
			return fmt.Errorf("places not sorted by id at %d", p.ID)
		}
		w.uint(uint64(p.ID - id))
		id = p.ID
		w.str(p.Name)
		w.w.WriteByte(p.Class)
		ci, ok := country[p.ISO3]
		if !ok {
			return fmt.Errorf("place %d: country %q not in the countries", p.ID, p.ISO3)
		}
		w.uint(uint64(ci))
		w.str(p.Admin1)
		w.str(p.Admin2)
		w.uint(uint64(p.Population))
		la, lo := int64(math.Round(p.Lat*coordScale)), int64(math.Round(p.Lon*coordScale))
		w.int(la - lat)
		w.int(lo - lon)
		lat, lon = la, lo
	}
	keys := make([]string, 0, len(d.Keys))
	for k := range d.Keys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.uint(uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		n := 0
		for n < len(k) && n < len(prev) && k[n] == prev[n] {
			n++
		}
		w.uint(uint64(n))
		w.str(k[n:])
		prev = k
		post := slices.Clone(d.Keys[k])
		slices.Sort(post)
		post = slices.Compact(post)
		w.uint(uint64(len(post)))
		last := int32(0)
		for _, p := range post {
			w.uint(uint64(p - last))
			last = p
		}
	}
	if err := w.w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// reader walks the decompressed index, keeping the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// varint reads one number with dec (binary.Uvarint or binary.Varint).
func varint[T uint64 | int64](r *reader, dec func([]byte) (T, int)) T {
	v, n := dec(r.b)
	if n <= 0 {
		r.fail(errors.New("truncated number"))
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) uint() uint64 { return varint(r, binary.Uvarint) }

func (r *reader) int() int64 { return varint(r, binary.Varint) }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail(errors.New("truncated file"))
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// count reads a length and checks it against what a file can hold.
func (r *reader) count(limit int) int {
	n := r.uint()
	if n > uint64(limit) {
		r.fail(fmt.Errorf("count %d over the limit %d", n, limit))
		return 0
	}
	return int(n)
}

// bytes reads a string's bytes, a slice of the file.
func (r *reader) bytes() []byte {
	n := r.count(1 << 16)
	if n > len(r.b) {
		r.fail(errors.New("truncated string"))
		r.b = nil
		return nil
	}
	s := r.b[:n:n]
	r.b = r.b[n:]
	return s
}

func (r *reader) str() string { return string(r.bytes()) }

// placeRec is a place as the gazetteer keeps it, in a flat array: its
// name and admin codes are indexes of string lists.
type placeRec struct {
	Lat, Lon       float64
	ID             uint32
	Population     uint32
	Admin1, Admin2 uint32 // indexes of Gazetteer.codes
	Country        uint16
	Class          byte
	_              [5]byte
}

// countryRec is a country's numbers; its strings are a list of their own.
type countryRec struct {
	GeoNamesID uint32
	_          uint32
	Lat, Lon   float64
}

// flatten reads an index file and returns the payload of its Gazetteer
// (package flat; see view).
func flatten(in io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(string(raw[:min(len(raw), len(magic))]), magic) {
		return nil, errors.New("not a kg-geo 3 index")
	}
	r := &reader{b: raw[len(magic):]}
	countries := make([]countryRec, r.count(1000))
	var cstr []string // ISO2, ISO3, FIPS and name of each country
	for i := range countries {
		c := &countries[i]
		cstr = append(cstr, r.str(), r.str(), r.str(), r.str())
		c.GeoNamesID = uint32(r.uint())
		c.Lat, c.Lon = float64(r.int())/coordScale, float64(r.int())/coordScale
	}
	places := make([]placeRec, r.count(1<<22))
	names := make([]string, len(places))
	var codes []string
	codeIndex := map[string]uint32{} // the admin codes, shared by the places
	intern := func(b []byte) uint32 {
		i, ok := codeIndex[string(b)]
		if !ok {
			i = uint32(len(codes))
			codeIndex[string(b)] = i
			codes = append(codes, string(b))
		}
		return i
	}
	var id uint32
	var lat, lon int64
	var admin1 []string // first-level divisions: country (2 bytes) + code
	var admin1Place []int32
	for i := range places {
		p := &places[i]
		id += uint32(r.uint())
		p.ID = id
		names[i] = string(r.bytes())
		p.Class = r.byte()
		p.Country = uint16(r.count(len(countries) - 1))
		a1, a2 := r.bytes(), r.bytes()
		p.Admin1, p.Admin2 = intern(a1), intern(a2)
		p.Population = uint32(r.uint())
		lat += r.int()
		lon += r.int()
		p.Lat, p.Lon = float64(lat)/coordScale, float64(lon)/coordScale
		if p.Class == ClassAdmin && len(a2) == 0 {
			admin1 = append(admin1, admin1Key(p.Country, string(a1)))
			admin1Place = append(admin1Place, int32(i))
		}
	}
	nk := r.count(1 << 24)
	keys := make([]string, nk)
	postStart := make([]int32, nk+1)
	post := make([]int32, 0, 2*nk)
	prev := ""
	for i := range nk {
		n := r.count(len(prev))
		keys[i] = prev[:n] + string(r.bytes())
		prev = keys[i]
		m := r.count(len(places))
		last := int32(0)
		for range m {
			last += int32(r.uint())
			if int(last) >= len(places) {
				r.fail(fmt.Errorf("key %d: place %d out of range", i, last))
			}
			post = append(post, last)
		}
		postStart[i+1] = int32(len(post))
	}
	if r.err != nil {
		return nil, fmt.Errorf("corrupt index: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, errors.New("corrupt index: data after the keys")
	}
	if err := zr.Close(); err != nil {
		return nil, err
	}
	// A division listed twice keeps its last place, as a map would.
	last := map[string]int{}
	for i, k := range admin1 {
		last[k] = i
	}
	var a1keys []string
	var a1places []int32
	for i, k := range admin1 {
		if last[k] == i {
			a1keys = append(a1keys, k)
			a1places = append(a1places, admin1Place[i])
		}
	}
	var b flat.Builder
	flat.Append(&b, countries)
	flat.AppendStrings(&b, cstr)
	flat.Append(&b, places)
	flat.AppendStrings(&b, names)
	flat.AppendStrings(&b, codes)
	flat.AppendStrings(&b, keys)
	flat.Append(&b, post)
	flat.Append(&b, postStart)
	flat.AppendMap(&b, a1keys)
	flat.Append(&b, a1places)
	return b.Payload(), nil
}

// admin1Key is the key of a first-level division in Gazetteer.admin1: its
// country's number (2 bytes) and its admin-1 code.
func admin1Key(country uint16, code string) string {
	return string([]byte{byte(country), byte(country >> 8)}) + code
}

// view returns the Gazetteer of payload p (of flatten), whose tables point
// into p.
func view(p []byte) (*Gazetteer, error) {
	r := flat.NewReader(p)
	crecs := flat.View[countryRec](r)
	cstr := flat.ViewStrings(r)
	g := &Gazetteer{places: flat.View[placeRec](r), names: flat.ViewStrings(r), codes: flat.ViewStrings(r),
		keys: flat.ViewStrings(r), post: flat.View[int32](r), postStart: flat.View[int32](r),
		admin1: flat.ViewMap(r), admin1Place: flat.View[int32](r)}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if cstr.Len() != 4*len(crecs) || g.names.Len() != len(g.places) || len(g.postStart) != g.keys.Len()+1 ||
		g.admin1.Len() != len(g.admin1Place) {
		return nil, errors.New("corrupt index")
	}
	g.countries = make([]Country, len(crecs))
	g.byISO3 = make(map[string]int, len(crecs))
	for i, c := range crecs {
		g.countries[i] = Country{ISO2: cstr.At(4 * i), ISO3: cstr.At(4*i + 1), FIPS: cstr.At(4*i + 2), Name: cstr.At(4*i + 3),
			GeoNamesID: c.GeoNamesID, Lat: c.Lat, Lon: c.Lon}
		g.byISO3[g.countries[i].ISO3] = i
	}
	for _, p := range g.places {
		if int(p.Country) >= len(crecs) || int(p.Admin1) >= g.codes.Len() || int(p.Admin2) >= g.codes.Len() {
			return nil, errors.New("corrupt index")
		}
	}
	return g, nil
}
