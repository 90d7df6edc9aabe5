package ner

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/kg-project/kg/extract/perceptron"
	"github.com/kg-project/kg/flat"
	"github.com/kg-project/kg/schema"
)

// Files of the embedded model directory.
const (
	// ModelFile is the name of the weights file written by WriteTo.
	ModelFile   = "ner.model.gz"
	lexiconFile = "lexicon.tsv.gz"
)

//go:embed model
var modelFS embed.FS

// embeddedLexicon reads the embedded name lexicon once, through the cache
// (flat.Load).
var embeddedLexicon = sync.OnceValues(func() (*lexicon, error) {
	f, err := modelFS.Open("model/" + lexiconFile)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	p, err := flat.Load(f, "ner.lexicon", flat.Dir(), readLexicon)
	if err != nil {
		return nil, fmt.Errorf("ner: read %s: %w", lexiconFile, err)
	}
	lex, err := viewLexicon(p)
	if err != nil {
		return nil, fmt.Errorf("ner: read %s: %w", lexiconFile, err)
	}
	lex.gaz, err = schema.Load()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return lex, nil
})

// embeddedRecognizer parses the embedded model once.
var embeddedRecognizer = sync.OnceValues(func() (*Recognizer, error) {
	f, err := modelFS.Open("model/" + ModelFile)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	m, err := perceptron.Load(f, strings.TrimSuffix(ModelFile, ".gz"), flat.Dir())
	if err != nil {
		return nil, fmt.Errorf("ner: read embedded %s: %w", ModelFile, err)
	}
	rec, err := withLexicon(m)
	if err != nil {
		return nil, fmt.Errorf("ner: read embedded %s: %w", ModelFile, err)
	}
	return rec, nil
})

// Load returns the recognizer embedded in the binary. It is parsed on the
// first call and shared afterwards.
func Load() (*Recognizer, error) { return embeddedRecognizer() }

// Read reads a recognizer written by WriteTo; it uses the embedded lexicon
// and tagger.
func Read(r io.Reader) (*Recognizer, error) {
	m, err := perceptron.Read(r)
	if err != nil {
		return nil, err
	}
	return withLexicon(m)
}

// withLexicon returns the recognizer of weights m with the embedded
// lexicon and tagger.
func withLexicon(m *perceptron.Model) (*Recognizer, error) {
	lex, err := embeddedLexicon()
	if err != nil {
		return nil, err
	}
	t, err := embeddedTagger()
	if err != nil {
		return nil, err
	}
	return newRecognizer(m, lex, t)
}

// WriteTo writes the recognizer's weights to w (the lexicon is embedded
// separately).
func (r *Recognizer) WriteTo(w io.Writer) (int64, error) { return r.model.WriteTo(w) }

// Save writes the recognizer's weights to path through a temporary file in
// the same folder, so path is either the old or the complete new model.
func (r *Recognizer) Save(path string) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ner-*.tmp")
	if err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	w := bufio.NewWriter(tmp)
	if _, err := r.WriteTo(w); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save ner model: %w", err)
	}
	return nil
}
