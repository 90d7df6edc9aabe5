package schema

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestWordSets(t *testing.T) {
	s := mustLoad(t)
	phase, err := s.WordSet("phase-verbs")
	if err != nil {
		t.Fatal(err)
	}
	if phase.Name() != "phase-verbs" || !phase.Has("resume") || phase.Has("Resume") || phase.Has("attack") {
		t.Errorf("phase-verbs: name %q, resume %v, Resume %v, attack %v", phase.Name(), phase.Has("resume"), phase.Has("Resume"), phase.Has("attack"))
	}
	if ws := phase.Words(); len(ws) != phase.Len() || ws[0] > ws[len(ws)-1] {
		t.Errorf("Words() = %q, not the %d sorted words", ws, phase.Len())
	}
	if ws := phase.InOrder(); len(ws) != phase.Len() || ws[0] != "resume" {
		t.Errorf("InOrder() = %q, not the %d words in file order", ws, phase.Len())
	}
	if _, err := s.WordSet("no-such-set"); err == nil || err.Error() != `schema: no word set "no-such-set" (data/words/no-such-set.tsv)` {
		t.Errorf("missing set: error %v", err)
	}
	l := s.WordSetLoader()
	l.Get("phase-verbs")
	if empty := l.Get("no-such-set"); empty.Len() != 0 || l.Err() == nil {
		t.Errorf("loader: missing set gives %d words and error %v", empty.Len(), l.Err())
	}
	l.Get("also-missing")
	if err := l.Err(); !strings.Contains(err.Error(), `"no-such-set"`) {
		t.Errorf("loader keeps %v, want the first missing set", err)
	}
	for _, name := range s.WordSetNames() {
		if w, _ := s.WordSet(name); w.Len() == 0 {
			t.Errorf("word set %s is empty", name)
		}
	}
}

// embeddedCopy returns the embedded data files as a map, to change some.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(dataFS, "data", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := dataFS.ReadFile(p)
		m[strings.TrimPrefix(p, "data/")] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseAnotherSchema(t *testing.T) {
	m := embeddedCopy(t)
	m["words/test-set.tsv"] = &fstest.MapFile{Data: []byte("# a set of the test\nword\nfirst\ntwo words\n")}
	s, err := Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.WordSet("test-set")
	if err != nil || !w.Has("two words") || w.Len() != 2 {
		t.Errorf("test-set = %q, %v", w.Words(), err)
	}
	if embedded := mustLoad(t); embedded == s {
		t.Error("Parse returned the embedded schema")
	}
}

func TestParseWordSetErrors(t *testing.T) {
	for file, want := range map[string]string{
		"word\nalpha\nbeta\nalpha\n": `words/bad.tsv:4: "alpha" is listed twice`,
		"words\nalpha\n":             `words/bad.tsv:1: header ["words"], want ["word"]`,
		"word\nalpha\tbeta\n":        `words/bad.tsv:2: 2 fields, want 1`,
		"# only a comment\n":         `words/bad.tsv: no header line`,
	} {
		m := embeddedCopy(t)
		m["words/bad.tsv"] = &fstest.MapFile{Data: []byte(file)}
		if _, err := Parse(m); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", file, err, want)
		}
	}
}
