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

// decode reads an index file into a Gazetteer. Place names and keys are
// substrings of one string each, so that loading allocates little.
func decode(in io.Reader) (*Gazetteer, error) {
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
	g := &Gazetteer{byISO3: map[string]int{}}
	g.countries = make([]Country, r.count(1000))
	for i := range g.countries {
		c := &g.countries[i]
		c.ISO2, c.ISO3, c.FIPS, c.Name = r.str(), r.str(), r.str(), r.str()
		c.GeoNamesID = uint32(r.uint())
		c.Lat, c.Lon = float64(r.int())/coordScale, float64(r.int())/coordScale
		g.byISO3[c.ISO3] = i
	}
	g.places = make([]Place, r.count(1<<22))
	names := make([]byte, 0, 12*len(g.places))
	ends := make([]int, len(g.places))
	var id uint32
	var lat, lon int64
	codes := map[string]string{} // the admin codes, shared by the places
	for i := range g.places {
		p := &g.places[i]
		id += uint32(r.uint())
		p.ID = id
		names = append(names, r.bytes()...)
		ends[i] = len(names)
		p.Class = r.byte()
		p.country = uint16(r.count(len(g.countries) - 1))
		p.Admin1 = intern(codes, r.bytes())
		p.Admin2 = intern(codes, r.bytes())
		p.Population = uint32(r.uint())
		lat += r.int()
		lon += r.int()
		p.Lat, p.Lon = float64(lat)/coordScale, float64(lon)/coordScale
		if r.err == nil {
			p.ISO3 = g.countries[p.country].ISO3
		}
	}
	all := string(names)
	start := 0
	for i := range g.places {
		g.places[i].Name = all[start:ends[i]]
		start = ends[i]
	}
	nk := r.count(1 << 24)
	keys := make([]byte, 0, 10*nk)
	kends := make([]int, nk)
	g.postStart = make([]int32, nk+1)
	g.post = make([]int32, 0, 2*nk)
	prev := 0 // start of the previous key in keys
	for i := range nk {
		n := r.count(len(keys) - prev)
		rest := r.bytes()
		cur := len(keys)
		keys = append(keys, keys[prev:prev+n]...)
		keys = append(keys, rest...)
		kends[i] = len(keys)
		prev = cur
		m := r.count(len(g.places))
		last := int32(0)
		for range m {
			last += int32(r.uint())
			if int(last) >= len(g.places) {
				r.fail(fmt.Errorf("key %d: place %d out of range", i, last))
			}
			g.post = append(g.post, last)
		}
		g.postStart[i+1] = int32(len(g.post))
	}
	if r.err != nil {
		return nil, fmt.Errorf("corrupt index: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, errors.New("corrupt index: data after the keys")
	}
	allKeys := string(keys)
	g.keys = make([]string, nk)
	start = 0
	for i := range g.keys {
		g.keys[i] = allKeys[start:kends[i]]
		start = kends[i]
	}
	g.index()
	return g, zr.Close()
}

// intern returns the string of b, the same one for every equal b.
func intern(codes map[string]string, b []byte) string {
	if s, ok := codes[string(b)]; ok {
		return s
	}
	s := string(b)
	codes[s] = s
	return s
}
