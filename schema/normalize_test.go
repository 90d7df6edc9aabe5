package schema

import (
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/kg-project/kg/fixtures"
)

// referenceSplitName is splitName as first written, with strings.Fields,
// strings.FieldsFunc and strings.ToLower; appendName must split every name
// as it does.
func referenceSplitName(name string) []subtoken {
	var out []subtoken
	for _, w := range strings.Fields(name) {
		w = fold(w)
		if w == "&" {
			out = append(out, subtoken{norm: "and", orig: "and"})
			continue
		}
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "'s") {
			w = w[:len(w)-2]
		} else if strings.HasSuffix(w, "'") && len(w) > 1 {
			w = w[:len(w)-1]
		}
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' }) {
			if strings.Trim(w, "-'") != "" {
				out = append(out, subtoken{norm: w, orig: w})
			}
			continue
		}
		w = strings.ReplaceAll(w, ".", "")
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '/' || unicode.IsSpace(r) }) {
			n := strings.ToLower(p)
			if a, ok := britishNameWords[n]; ok {
				n = a
			}
			out = append(out, subtoken{norm: n, orig: p})
		}
	}
	if len(out) > 1 && out[0].norm == "the" {
		out = out[1:]
	}
	return out
}

// TestSplitNameAsReference compares splitName and NormalizeName with the
// reference over every field of the schema's data files, the words of
// the fixture articles, and hand-made edge cases.
func TestSplitNameAsReference(t *testing.T) {
	inputs := []string{"", " ", "the", "The U.S.", "the the", "Côte d'Ivoire", "People's Defence Forces", "Ministry's",
		"MINISTRY'S", "rebels'", "'", "''", "-", "--", "'s", "'S", "a-b/c d", "\u2019s", "Türkiye", "İstanbul", "ǅemal's",
		"x\xffy", "\xff's", "&", "A & B", "anti-tank", "1,000", "...", "U.N.-backed", "  spaced   out  ", "tab\tsep\nline",
		"non\u00a0breaking", "*", "Al-*", "ſ's", "K's", "The Defence Centre", "THE army", " the  x ", "the", "labour party", "Ministry of Defence", "a  b", "x "}
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(dataFS, path)
		if err != nil {
			return err
		}
		for line := range strings.Lines(string(b)) {
			inputs = append(inputs, strings.Split(strings.TrimSuffix(line, "\n"), "\t")...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(fixtures.Path(t, "seed-convoys.txt"))
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, strings.Fields(string(text))...)
	if len(inputs) < 5000 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for _, in := range inputs {
		want := referenceSplitName(in)
		if got := splitName(in); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
			t.Errorf("splitName(%q) = %q, want %q", in, got, want)
		}
		parts := make([]string, len(want))
		for i, s := range want {
			parts[i] = s.norm
		}
		if got := NormalizeName(in); got != strings.Join(parts, " ") {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, strings.Join(parts, " "))
		}
	}
}
