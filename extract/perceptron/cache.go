package perceptron

import (
	"errors"
	"io"
	"math"

	"github.com/kg-project/kg/flat"
)

// Load reads the model file f (as WriteTo writes it), cached under the
// name name ("tag.model") in the directory cache ("" for none) as
// flat.Load does: the first process decodes f, later ones use the table
// of the cache file in place.
func Load(f io.Reader, name, cache string) (*Model, error) {
	p, err := flat.Load(f, name, cache, func(r io.Reader) ([]byte, error) {
		m, err := Read(r)
		if err != nil {
			return nil, err
		}
		return m.flatten(), nil
	})
	if err != nil {
		return nil, err
	}
	return view(p)
}

// flatten returns the payload of the averaged model m: its class names,
// scale and table.
func (m *Model) flatten() []byte {
	var b flat.Builder
	flat.Append(&b, appendClasses(nil, m.classes))
	flat.Append(&b, []float32{m.tab.scale})
	flat.Append(&b, m.tab.slots)
	flat.Append(&b, m.tab.data)
	flat.Append(&b, m.tab.keys)
	flat.Append(&b, m.tab.dense)
	return b.Payload()
}

// view returns the model of payload p, whose table points into p.
func view(p []byte) (*Model, error) {
	r := flat.NewReader(p)
	d := &decoder{b: flat.View[byte](r)}
	scale := flat.View[float32](r)
	t := table{slots: flat.View[slot](r), data: flat.View[uint32](r), keys: flat.View[uint64](r), dense: flat.View[int16](r)}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(scale) != 1 || len(t.slots)&(len(t.slots)-1) != 0 {
		return nil, errors.New("perceptron: malformed cached model")
	}
	t.scale, t.mask = scale[0], uint64(max(len(t.slots), 1)-1)
	classes, err := d.classes()
	if err != nil {
		return nil, err
	}
	t.width = denseWidth(len(classes))
	if t.width == 0 && len(t.dense) != 0 || t.width != 0 && len(t.dense)%t.width != 0 {
		return nil, errors.New("perceptron: malformed cached model")
	}
	if len(d.b) != 0 || !(t.scale > 0) || math.IsInf(float64(t.scale), 0) {
		return nil, errors.New("perceptron: malformed cached model")
	}
	return &Model{classes: classes, tab: t}, nil
}
