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
	"sync"

	"github.com/kg-project/kg/extract/lemma"
	"github.com/kg-project/kg/extract/parse"
	"github.com/kg-project/kg/extract/tag"
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
var load = sync.OnceValues(func() (*Models, error) {
	t, err := tag.Load(files)
	if err != nil {
		return nil, err
	}
	l, err := lemma.Load(files)
	if err != nil {
		return nil, err
	}
	p, err := parse.Load(files)
	if err != nil {
		return nil, err
	}
	return &Models{Tagger: t, Lemmatizer: l, Parser: p}, nil
})

// Load returns the embedded models, decoding them on the first call.
func Load() (*Models, error) { return load() }
