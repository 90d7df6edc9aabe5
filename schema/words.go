package schema

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// WordSet is one named class of words or phrases that extraction rules test
// membership in: speech verbs, force heads, place nouns, media words, compass
// words, phase verbs, and so on. Each set is one file of data/words, so a
// concept is listed once and every package reads the same list. Membership is
// exact: the file holds the words in the form the rules compare (most sets
// hold lowercase lemmas; a set of capitalized forms says so in its header).
type WordSet struct {
	name  string
	words map[string]bool
	order []string // the words as the file lists them
}

// Name returns the set's name, the file name without ".tsv".
func (w WordSet) Name() string { return w.name }

// Has reports whether word is in the set.
func (w WordSet) Has(word string) bool { return w.words[word] }

// Len returns the number of words in the set.
func (w WordSet) Len() int { return len(w.words) }

// Words returns the set's words, sorted.
func (w WordSet) Words() []string {
	out := make([]string, 0, len(w.words))
	for k := range w.words {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// InOrder returns the set's words in the order its file lists them, for a
// set whose order is a preference (its header says so). Fetch it once, when
// the rules load: it returns a new slice.
func (w WordSet) InOrder() []string { return slices.Clone(w.order) }

// WordSet returns the word set called name, or an error naming the missing set.
func (s *Schema) WordSet(name string) (WordSet, error) {
	w, ok := s.wordSets[name]
	if !ok {
		return WordSet{}, fmt.Errorf("schema: no word set %q (data/words/%s.tsv)", name, name)
	}
	return w, nil
}

// WordSetNames returns the names of every word set, sorted.
func (s *Schema) WordSetNames() []string {
	out := make([]string, 0, len(s.wordSets))
	for k := range s.wordSets {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// WordSetLoader fetches several word sets and keeps the first error, so that
// a package can fetch all the sets its rules use and check once:
//
//	l := s.WordSetLoader()
//	w := words{speech: l.Get("speech-verbs"), media: l.Get("media-words")}
//	if err := l.Err(); err != nil { ... }
type WordSetLoader struct {
	s   *Schema
	err error
}

// WordSetLoader returns a loader of this schema's word sets.
func (s *Schema) WordSetLoader() *WordSetLoader { return &WordSetLoader{s: s} }

// Get returns the set called name; a missing set is remembered for Err and
// yields an empty set.
func (l *WordSetLoader) Get(name string) WordSet {
	w, err := l.s.WordSet(name)
	if err != nil && l.err == nil {
		l.err = err
	}
	return w
}

// Err returns the first error of Get, or nil.
func (l *WordSetLoader) Err() error { return l.err }

// parseWordSets reads every words/*.tsv file of fsys. Each has one column,
// "word"; a word may be a phrase; a word listed twice in one file is an error.
func (s *Schema) parseWordSets(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "words/*.tsv")
	if err != nil {
		return fmt.Errorf("word sets: %w", err)
	}
	s.wordSets = make(map[string]WordSet, len(names))
	for _, file := range names {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return fmt.Errorf("read %s: %w", file, err)
		}
		t, err := parseTSV(file, string(b), "word")
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(path.Base(file), ".tsv")
		w := WordSet{name: name, words: make(map[string]bool, len(t.rows))}
		for _, r := range t.rows {
			word := t.get(r, "word")
			if w.words[word] {
				return t.errorf(r, "%q is listed twice", word)
			}
			w.words[word] = true
			w.order = append(w.order, word)
		}
		s.wordSets[name] = w
	}
	return nil
}
