package toponym

import (
	"testing"

	"github.com/kg-project/kg/extract/wordcluster"
	"github.com/kg-project/kg/geo"
)

func TestReadName(t *testing.T) {
	for _, c := range []struct {
		in, name string
		class    byte
		factor   float64
	}{
		{"Kandahar province", "Kandahar", geo.ClassAdmin, 1},
		{"Dhaka Division", "Dhaka", geo.ClassAdmin, 1},
		{"the city of Goma", "Goma", geo.ClassPopulated, 1},
		{"Kishoreganj district", "Kishoreganj", 0, 1},
		{"Saada's Old Quarter", "Saada", 0, possessiveDiscount},
		{"Port Sudan", "Port Sudan", 0, 1},
		{"Kidal", "Kidal", 0, 1},
	} {
		name, h, f := readName(c.in)
		if name != c.name || h.Class != c.class || f != c.factor {
			t.Errorf("readName(%q) = %q %c %v, want %q %c %v", c.in, name, h.Class, f, c.name, c.class, c.factor)
		}
	}
}

func TestCommonWords(t *testing.T) {
	words, err := wordcluster.Load()
	if err != nil {
		t.Fatal(err)
	}
	tp := &Toponyms{words: words}
	for _, c := range []struct {
		w            string
		weak, strong bool
	}{
		{w: "Police", weak: true},
		{w: "Mobile", weak: true},
		{w: "Bar", weak: true},
		{w: "Of", weak: true, strong: true},
		{w: "Paris"},
		{w: "Kishoreganj"},
	} {
		if got := tp.common(c.w, false); got != c.weak {
			t.Errorf("common(%q) in a weak frame = %v, want %v", c.w, got, c.weak)
		}
		if got := tp.common(c.w, true); got != c.strong {
			t.Errorf("common(%q) in a strong frame = %v, want %v", c.w, got, c.strong)
		}
	}
	if !calendarWord("March") || !calendarWord("sunday") || calendarWord("Marib") {
		t.Error("calendarWord")
	}
}
