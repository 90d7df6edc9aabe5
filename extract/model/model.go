// Package model embeds kg's trained NLP models (written by `kg train`,
// see docs/nlp.md) in the binary and loads them.
//
// The files are gzip-compressed: tag.first.gz, tag.model.gz and
// tag.lexicon.tsv.gz (the tagger's two passes and lexicon), lemma.tsv.gz
// (the lemmatizer) and parse.model.gz (the parser). They are derived from
// UD English EWT (CC BY-SA 4.0); see docs/nlp.md.
package model

import (
	"embed"
	"errors"
	"sync"

	"github.com/kg-project/kg/extract/lemma"
	"github.com/kg-project/kg/extract/parse"
	"github.com/kg-project/kg/extract/tag"
	"github.com/kg-project/kg/flat"
)

//go:embed *.gz
var files embed.FS

// Models are the trained stages of the pipeline. They are read-only and
// safe for concurrent use.
type Models struct {
	Tagger     *tag.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *parse.Parser
}

// load decodes the embedded files once per process.
var load = sync.OnceValues(func() (*Models, error) { return decode(flat.Dir()) })

// decode reads the embedded models, the three concurrently, keeping their
// decoded weights in the directory cache ("" for none; see flat.Load).
func decode(cache string) (*Models, error) {
	var (
		m          Models
		wg         sync.WaitGroup
		terr, lerr error
	)
	wg.Go(func() { m.Tagger, terr = tag.Load(files, cache) })
	wg.Go(func() { m.Lemmatizer, lerr = lemma.Load(files, cache) })
	p, perr := parse.Load(files, cache)
	wg.Wait()
	if err := errors.Join(terr, lerr, perr); err != nil {
		return nil, err
	}
	m.Parser = p
	return &m, nil
}

// Load returns the embedded models, decoding them on the first call.
func Load() (*Models, error) { return load() }
