package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// magic opens every model file (inside the gzip stream); magicV1 opens
// files of the first format, whose weights were float32, which Read still
// accepts.
const (
	magic   = "KGPERCEPTRON2\n"
	magicV1 = "KGPERCEPTRON1\n"
)

// Limits that guard Read against corrupt input.
const (
	maxClasses  = 1 << 16
	maxClassLen = 1 << 10
	maxRows     = 1 << 28
	maxWords    = 1 << 30
)

// WriteTo writes the averaged model to w and returns the number of bytes
// written. A trainable model is written as its averaged copy.
//
// The format is a gzip stream of: the magic line "KGPERCEPTRON2\n"; the
// number of classes and each class name (uvarint length + bytes); the
// weight scale as a little-endian float32; the number of feature rows and
// of weights plus rows; then for each row in increasing hash order the hash
// as a uvarint delta from the previous one, the number of weights, and each
// weight as a uvarint class index and a little-endian int16, the weight in
// units of the scale.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("perceptron: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }

	bw.WriteString(magic)
	bw.Write(appendClasses(nil, m.classes))
	t := m.Averaged().tab
	binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(t.scale))
	bw.Write(buf[:4])
	putU(uint64(len(t.keys)))
	putU(uint64(len(t.data)))
	var prev uint64
	t.rawRows(func(key uint64, packed []uint32) {
		putU(key - prev)
		prev = key
		putU(uint64(len(packed)))
		for _, e := range packed {
			putU(uint64(e >> 16))
			binary.LittleEndian.PutUint16(buf[:2], uint16(e))
			bw.Write(buf[:2])
		}
	})
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("perceptron: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("perceptron: write model: %w", err)
	}
	return cw.n, nil
}

// appendClasses appends the class names as decoder.classes reads them.
func appendClasses(b []byte, classes []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(classes)))
	for _, c := range classes {
		b = binary.AppendUvarint(b, uint64(len(c)))
		b = append(b, c...)
	}
	return b
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

// Write writes p to the underlying writer and counts the bytes written.
func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a model written by WriteTo. The model is averaged (read-only).
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("perceptron: read model: %w", err)
	}
	defer zr.Close()
	// Decoding from memory is faster than byte by byte through a reader.
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("perceptron: read model: %w", err)
	}
	m, err := readModel(&decoder{b: b})
	if err != nil {
		return nil, fmt.Errorf("perceptron: read model: %w", err)
	}
	return m, nil
}

// decoder reads the fields of a model file from memory.
type decoder struct{ b []byte }

// next returns the next n bytes.
func (d *decoder) next(n int) ([]byte, error) {
	if n > len(d.b) {
		return nil, io.ErrUnexpectedEOF
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v, nil
}

// uvarint reads a uvarint.
func (d *decoder) uvarint() (uint64, error) {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		if n == 0 {
			return 0, io.ErrUnexpectedEOF
		}
		return 0, errors.New("uvarint overflows 64 bits")
	}
	d.b = d.b[n:]
	return v, nil
}

// bounded reads a uvarint and checks it is at most limit.
func (d *decoder) bounded(limit uint64, what string) (uint64, error) {
	v, err := d.uvarint()
	if err != nil {
		return 0, err
	}
	if v > limit {
		return 0, fmt.Errorf("%s %d exceeds %d", what, v, limit)
	}
	return v, nil
}

// row appends to packed the n weights of a row of a model with nc classes,
// each packed as class<<16 | uint16(weight). Most of a model file is
// weights, and nearly every class index fits in one byte, which the loop
// reads without a call.
func (d *decoder) row(packed []uint32, n, nc uint64) ([]uint32, error) {
	for range n {
		if len(d.b) >= 3 && d.b[0] < 0x80 {
			c := uint64(d.b[0])
			if c >= nc {
				return nil, fmt.Errorf("class index %d exceeds %d", c, nc-1)
			}
			packed = append(packed, uint32(c)<<16|uint32(binary.LittleEndian.Uint16(d.b[1:3])))
			d.b = d.b[3:]
			continue
		}
		c, err := d.bounded(nc-1, "class index")
		if err != nil {
			return nil, err
		}
		w, err := d.next(2)
		if err != nil {
			return nil, err
		}
		packed = append(packed, uint32(c)<<16|uint32(binary.LittleEndian.Uint16(w)))
	}
	return packed, nil
}

// classes reads the class names: their count, then each name (uvarint
// length + bytes).
func (d *decoder) classes() ([]string, error) {
	nc, err := d.bounded(maxClasses, "class count")
	if err != nil {
		return nil, err
	}
	classes := make([]string, nc)
	for i := range classes {
		n, err := d.bounded(maxClassLen, "class name length")
		if err != nil {
			return nil, err
		}
		b, err := d.next(int(n))
		if err != nil {
			return nil, err
		}
		classes[i] = string(b)
	}
	return classes, nil
}

func readModel(d *decoder) (*Model, error) {
	head, err := d.next(len(magic))
	if err != nil {
		return nil, err
	}
	if string(head) != magic && string(head) != magicV1 {
		return nil, errors.New("not a perceptron model")
	}
	classes, err := d.classes()
	if err != nil {
		return nil, err
	}
	nc := uint64(len(classes))
	if string(head) == magicV1 {
		return readRowsV1(d, classes)
	}
	f, err := d.next(4)
	if err != nil {
		return nil, err
	}
	scale := math.Float32frombits(binary.LittleEndian.Uint32(f))
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, fmt.Errorf("bad weight scale %v", scale)
	}
	nr, err := d.bounded(maxRows, "row count")
	if err != nil {
		return nil, err
	}
	nw, err := d.bounded(maxWords, "weight count")
	if err != nil {
		return nil, err
	}
	t := newTable(int(nr), int(nw), scale)
	var key uint64
	var packed []uint32
	for r := range nr {
		delta, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		if r > 0 && delta == 0 {
			return nil, errors.New("feature hashes out of order")
		}
		key += delta
		n, err := d.bounded(uint64(nc), "row length")
		if err != nil {
			return nil, err
		}
		if packed, err = d.row(packed[:0], n, nc); err != nil {
			return nil, err
		}
		t.appendRow(key, packed)
	}
	return averaged(classes, t), nil
}

// readRowsV1 reads the rows of a first-format file (float32 weights, no
// scale) and quantizes them.
func readRowsV1(d *decoder, classes []string) (*Model, error) {
	nc := uint64(len(classes))
	nr, err := d.bounded(maxRows, "row count")
	if err != nil {
		return nil, err
	}
	b := &tableBuilder{}
	var key uint64
	var ents []entry
	for range nr {
		delta, err := d.uvarint()
		if err != nil {
			return nil, err
		}
		key += delta
		n, err := d.bounded(nc, "row length")
		if err != nil {
			return nil, err
		}
		ents = ents[:0]
		for range n {
			c, err := d.bounded(nc-1, "class index")
			if err != nil {
				return nil, err
			}
			f, err := d.next(4)
			if err != nil {
				return nil, err
			}
			ents = append(ents, entry{class: uint16(c), w: math.Float32frombits(binary.LittleEndian.Uint32(f))})
		}
		b.addRow(key, ents)
	}
	return averaged(classes, b.build()), nil
}
