// Package flat keeps data decoded from kg's embedded files (models,
// lexicons, word clusters) in flat arrays without pointers, and caches
// them between processes: the first process decodes an embedded file and
// writes the arrays, as they lie in memory, to a file in the user's cache
// directory; later processes map that file into memory read-only and use
// the arrays in place, without decoding. The page cache then makes loading
// nearly free (docs/nlp.md, "Loading the models").
//
// A payload is a sequence of sections written by a Builder and read back,
// in the same order, by a Reader: each section is a byte length and the
// bytes of a slice of fixed-size values without pointers, padded to 8
// bytes. A Map finds strings in a table of strings by an open-addressing
// hash table.
package flat

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"
	"unsafe"
)

// Builder appends sections to a payload.
type Builder struct{ b []byte }

// Append adds s as the next section of b. T must hold no pointers.
func Append[T any](b *Builder, s []T) {
	raw := asBytes(s)
	b.b = binary.LittleEndian.AppendUint64(b.b, uint64(len(raw)))
	b.b = append(b.b, raw...)
	for len(b.b)%8 != 0 {
		b.b = append(b.b, 0)
	}
}

// Payload returns the sections added so far, in memory aligned to 8 bytes.
func (b *Builder) Payload() []byte { return aligned(b.b) }

// aligned returns b, or a copy of it, starting at a multiple of 8 bytes.
func aligned(b []byte) []byte {
	if len(b) == 0 || uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 {
		return b
	}
	words := make([]uint64, (len(b)+7)/8)
	out := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), len(b))
	copy(out, b)
	return out
}

// Reader reads the sections of a payload in the order they were added.
// After a malformed payload, every section is empty and Err says why.
type Reader struct {
	b   []byte
	err error
}

// NewReader returns a Reader of payload p, which must start at a multiple
// of 8 bytes (as Builder.Payload and Load return it).
func NewReader(p []byte) *Reader {
	r := &Reader{b: p}
	if len(p) > 0 && uintptr(unsafe.Pointer(unsafe.SliceData(p)))%8 != 0 {
		r.err = errors.New("flat: payload not aligned to 8 bytes")
	}
	return r
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// View returns the next section of r as a slice of T, pointing into the
// payload. T must hold no pointers and be the type the section was added
// as.
func View[T any](r *Reader) []T {
	if r.err != nil {
		return nil
	}
	if len(r.b) < 8 {
		r.err = errors.New("flat: payload truncated")
		return nil
	}
	n := binary.LittleEndian.Uint64(r.b)
	size := uint64(unsafe.Sizeof(*new(T)))
	padded := (n + 7) &^ 7
	if padded > uint64(len(r.b)-8) || size == 0 || n%size != 0 {
		r.err = fmt.Errorf("flat: section of %d bytes does not fit", n)
		return nil
	}
	data := r.b[8 : 8+n]
	r.b = r.b[8+padded:]
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(data))), n/size)
}

// Done checks that every section of r was read.
func (r *Reader) Done() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("flat: %d bytes after the last section", len(r.b))
	}
	return r.err
}

// asBytes returns the memory of s as bytes.
func asBytes[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(s[0])))
}

// Strings is a list of strings in one block of bytes.
type Strings struct {
	blob []byte
	ends []uint32 // string i is blob[ends[i-1]:ends[i]]
}

// Len is the number of strings.
func (s *Strings) Len() int { return len(s.ends) }

// At returns string i. It points into the block: it stays valid as long
// as the payload does (for the life of the process).
func (s *Strings) At(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return unsafe.String(unsafe.SliceData(s.blob[start:]), int(s.ends[i]-start))
}

// AppendStrings adds the sections of the list strs to b.
func AppendStrings(b *Builder, strs []string) {
	var blob []byte
	ends := make([]uint32, len(strs))
	for i, s := range strs {
		blob = append(blob, s...)
		ends[i] = uint32(len(blob))
	}
	Append(b, blob)
	Append(b, ends)
}

// ViewStrings reads the sections of AppendStrings.
func ViewStrings(r *Reader) Strings {
	s := Strings{blob: View[byte](r), ends: View[uint32](r)}
	if r.err == nil && len(s.ends) > 0 && int(s.ends[len(s.ends)-1]) > len(s.blob) {
		r.err = errors.New("flat: strings overrun their block")
	}
	return s
}

// Map finds the index of a string among a list of distinct strings.
type Map struct {
	Keys  Strings
	slots []uint32 // index + 1 of the key hashed there, 0 for none
}

// AppendMap adds to b the Map of keys, which must be distinct; key i gets
// index i.
func AppendMap(b *Builder, keys []string) {
	size := 16
	for size < len(keys)*2 {
		size *= 2
	}
	slots := make([]uint32, size)
	mask := uint64(size - 1)
	for i, k := range keys {
		j := hash(k) & mask
		for slots[j] != 0 {
			j = (j + 1) & mask
		}
		slots[j] = uint32(i + 1)
	}
	AppendStrings(b, keys)
	Append(b, slots)
}

// ViewMap reads the sections of AppendMap.
func ViewMap(r *Reader) Map {
	m := Map{Keys: ViewStrings(r), slots: View[uint32](r)}
	if r.err == nil && (len(m.slots) == 0 || len(m.slots)&(len(m.slots)-1) != 0) {
		r.err = errors.New("flat: map table size is not a power of two")
	}
	return m
}

// Index returns the index of key, or -1 when the map lacks it.
func (m *Map) Index(key string) int {
	if len(m.slots) == 0 {
		return -1
	}
	mask := uint64(len(m.slots) - 1)
	for j := hash(key) & mask; ; j = (j + 1) & mask {
		s := m.slots[j]
		if s == 0 {
			return -1
		}
		if i := int(s - 1); m.Keys.At(i) == key {
			return i
		}
	}
}

// IndexBytes is Index of the string of key, without copying it.
func (m *Map) IndexBytes(key []byte) int {
	return m.Index(unsafe.String(unsafe.SliceData(key), len(key)))
}

// Len is the number of keys.
func (m *Map) Len() int { return m.Keys.Len() }

// hash is 64-bit FNV-1a.
func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// StringMap maps strings to strings: the value of key i of its Map is
// string i of Values.
type StringMap struct {
	Map
	Values Strings
}

// AppendStringMap adds to b the StringMap of m, its keys sorted.
func AppendStringMap(b *Builder, m map[string]string) {
	keys := slices.Sorted(maps.Keys(m))
	vals := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	AppendMap(b, keys)
	AppendStrings(b, vals)
}

// ViewStringMap reads the sections of AppendStringMap.
func ViewStringMap(r *Reader) StringMap {
	m := StringMap{Map: ViewMap(r), Values: ViewStrings(r)}
	if r.err == nil && m.Values.Len() != m.Len() {
		r.err = errors.New("flat: string map with a value missing")
	}
	return m
}

// Get returns the value of key.
func (m *StringMap) Get(key string) (string, bool) {
	i := m.Index(key)
	if i < 0 {
		return "", false
	}
	return m.Values.At(i), true
}
