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
		{"Kishoreganj district", "Kishoreganj", geo.ClassAdmin, 1},
		{"Wag Hemra zone", "Wag Hemra", geo.ClassAdmin, 1},
		{"Adyabo area", "Adyabo", 0, 1},
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

func TestReadings(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []reading
	}{
		// A facility stands at the town it is named after, less surely.
		{"Mitiga International Airport", []reading{
			{"Mitiga International Airport", geo.Hint{}, 1, false},
			{"Mitiga", geo.Hint{Class: geo.ClassPopulated}, facilityDiscount, false}}},
		{"Garacad Port", []reading{
			{"Garacad Port", geo.Hint{}, 1, false},
			{"Garacad", geo.Hint{Class: geo.ClassPopulated}, facilityDiscount, false}}},
		// A part of a place stands at the whole.
		{"eastern Aleppo", []reading{
			{"eastern Aleppo", geo.Hint{}, 1, false},
			{"Aleppo", geo.Hint{}, partDiscount, false}}},
		// A division noun makes a place of the name, even in a spelling
		// the gazetteer lacks.
		{"Nehim district", []reading{{"Nehim", geo.Hint{Class: geo.ClassAdmin, Loose: true}, 1, false}}},
		{"Port Sudan", []reading{{"Port Sudan", geo.Hint{}, 1, false}}},
		// A compass word and a state: the state's division of that name.
		{"South Lebanon", []reading{
			{"South Lebanon", geo.Hint{}, 1, false},
			{"South", geo.Hint{Class: geo.ClassAdmin}, partDiscount, true}}},
	} {
		got := readings(c.in)
		if len(got) != len(c.want) {
			t.Errorf("readings(%q) = %+v, want %+v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("readings(%q)[%d] = %+v, want %+v", c.in, i, got[i], c.want[i])
			}
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
