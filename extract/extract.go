// Package extract turns an article into its knowledge graph: the linguistic
// pipeline (tokens, sentences, tags, lemmas, dependency parse), entity
// recognition and resolution, and relation extraction, ending in one
// document's graph.Graph with stable ids.
package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/ner"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/pipeline"
	"github.com/kg-project/kg/extract/relate"
	"github.com/kg-project/kg/extract/resolve"
	"github.com/kg-project/kg/extract/source"
	"github.com/kg-project/kg/extract/toponym"
	"github.com/kg-project/kg/extract/wordcluster"
	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Options configure an Extractor.
type Options struct {
	// Schema is the vocabulary, lexicon, gazetteers and word sets the
	// extraction uses; nil means the embedded one (schema.Load). The
	// recognizer's gazetteer features stay those of the embedded schema:
	// they are part of its trained model.
	Schema *schema.Schema
	// TypedOnly drops open RELATED_TO relations, keeping only relations
	// the schema vocabulary types.
	TypedOnly bool
	// Budget is the most time the extraction of one article may take; 0
	// means no limit. An article over its budget fails with an error
	// wrapping ErrOverBudget.
	Budget time.Duration
	// OverBudget, when not nil, is called by ExtractAll (from one goroutine)
	// with each article over its budget and its error; the article is then
	// left out of the result instead of stopping the run.
	OverBudget func(a source.Article, err error)
}

// ErrOverBudget is wrapped by the error of an article whose extraction took
// longer than Options.Budget.
var ErrOverBudget = errors.New("extraction took longer than its time budget")

// Extractor runs the whole extraction. It is safe for concurrent use.
type Extractor struct {
	opts     Options
	schema   *schema.Schema
	pipeline *pipeline.Pipeline
	stages   []nlp.Stage // recognition and resolution, after the pipeline
	places   *toponym.Toponyms
	relate   *relate.Extractor
}

// New loads the embedded models and the schema (opts.Schema, or the
// embedded one).
func New(opts Options) (*Extractor, error) {
	// The parts load concurrently: on a machine with more than one core,
	// a process spends less of its time loading before it can extract.
	world := async(geo.Load)
	recognizer := async(ner.Load)
	clusters := async(wordcluster.Load)
	s := opts.Schema
	if s == nil {
		var err error
		if s, err = schema.Load(); err != nil {
			return nil, err
		}
	}
	m, err := model.Load()
	if err != nil {
		return nil, fmt.Errorf("load models: %w", err)
	}
	// The lemmatizer knows the lexicon's verbs, so that they are found.
	lexModels := *m
	lexModels.Lemmatizer = m.Lemmatizer.WithVerbs(s.VerbLemmas())
	rec := <-recognizer
	if rec.err != nil {
		return nil, fmt.Errorf("load recognizer: %w", rec.err)
	}
	gaz := <-world
	if gaz.err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", gaz.err)
	}
	words := <-clusters
	if words.err != nil {
		return nil, fmt.Errorf("load word clusters: %w", words.err)
	}
	places := toponym.New(gaz.v, s, words.v)
	res, err := resolve.New(s)
	if err != nil {
		return nil, err
	}
	rel, err := relate.New(s)
	if err != nil {
		return nil, err
	}
	return &Extractor{
		opts:     opts,
		schema:   s,
		pipeline: pipeline.New(&lexModels, rec.v, ner.ProperNames{}),
		stages:   []nlp.Stage{res.WithPlaces(places), places},
		places:   places,
		relate:   rel,
	}, nil
}

// result is a value or the error that stopped its making.
type result[T any] struct {
	v   T
	err error
}

// async runs load on another goroutine and delivers its result.
func async[T any](load func() (T, error)) <-chan result[T] {
	ch := make(chan result[T], 1)
	go func() {
		v, err := load()
		ch <- result[T]{v, err}
	}()
	return ch
}

// Analyze runs the pipeline, recognition and resolution on text.
func (x *Extractor) Analyze(ctx context.Context, text string) (*nlp.Document, error) {
	d, err := x.pipeline.Run(ctx, text)
	if err != nil {
		return nil, err
	}
	for _, st := range x.stages {
		if err := st.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %w", st.Name(), err)
		}
	}
	return d, nil
}

// Extract returns the graph of one article.
func (x *Extractor) Extract(ctx context.Context, a source.Article) (graph.Graph, error) {
	if x.opts.Budget > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, x.opts.Budget, fmt.Errorf("%w of %s", ErrOverBudget, x.opts.Budget))
		defer cancel()
	}
	d, rels, err := x.relations(ctx, a)
	if err != nil {
		return graph.Graph{}, err
	}
	g, _ := x.build(a, d, rels)
	return g, nil
}

// relations analyzes one article and extracts its relations; a stage stopped
// by the context reports why the context was cancelled.
func (x *Extractor) relations(ctx context.Context, a source.Article) (*nlp.Document, []relate.Relation, error) {
	d, err := x.Analyze(ctx, a.Text)
	if err != nil {
		if cause := context.Cause(ctx); cause != nil {
			err = cause
		}
		return nil, nil, fmt.Errorf("%s: %w", a.Path, err)
	}
	var published time.Time
	if a.Published != "" {
		published, err = time.Parse("2006-01-02", a.Published)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: published date %q: %w", a.Path, a.Published, err)
		}
	}
	rels := x.relate.Relations(d, published)
	if err := context.Cause(ctx); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", a.Path, err)
	}
	return d, rels, nil
}

// build converts an analyzed document and its relations into graph records;
// from holds the relation each graph relation was made from.
func (x *Extractor) build(a source.Article, d *nlp.Document, rels []relate.Relation) (g graph.Graph, from []relate.Relation) {
	sum := sha256.Sum256([]byte(a.Text))
	doc := graph.Document{
		ID: graph.DocumentID(a.Text), Path: a.Path, Title: a.Title, URL: a.URL, Published: a.Published,
		SHA256: hex.EncodeToString(sum[:]), Sentences: len(d.Sentences),
	}
	if x.opts.TypedOnly {
		kept := rels[:0]
		for _, r := range rels {
			if r.Relation != "RELATED_TO" {
				kept = append(kept, r)
			}
		}
		rels = kept
	}
	inRelation := make([]bool, len(d.Entities))
	for _, r := range rels {
		inRelation[r.Subject], inRelation[r.Object] = true, true
	}
	g = graph.Graph{Documents: []graph.Document{doc}}
	ids := make([]string, len(d.Entities))
	index := map[string]int{} // entity id → index in g.Entities
	for i, e := range d.Entities {
		if e.RelationOnly && !inRelation[i] {
			continue
		}
		id := graph.EntityID(e.Type, e.Name)
		ids[i] = id
		if j, ok := index[id]; ok {
			g.Entities[j].Aliases = union(g.Entities[j].Aliases, e.Aliases)
			g.Entities[j].Roles = union(g.Entities[j].Roles, e.Roles)
			continue
		}
		index[id] = len(g.Entities)
		g.Entities = append(g.Entities, graph.Entity{
			ID: id, Type: e.Type, Name: e.Name, Aliases: union(nil, e.Aliases), Country: e.Country,
			Roles: union(nil, e.Roles), FirstSeen: a.Published, Geo: geoOf(e.Place), // only places have one
		})
	}
	runes := runeOffsets(d.Text)
	for _, m := range d.Mentions {
		if m.Entity < 0 || ids[m.Entity] == "" {
			continue
		}
		start, end := d.Tokens[m.Start].Start, d.Tokens[m.End-1].End
		g.Mentions = append(g.Mentions, graph.Mention{
			EntityID: ids[m.Entity], DocumentID: doc.ID, SentenceIndex: d.Tokens[m.Start].Sentence,
			Start: runes[start], End: runes[end], Text: d.Text[start:end],
		})
	}
	where := x.places.Locator(d)
	for _, r := range rels {
		if ids[r.Subject] == "" || ids[r.Object] == "" {
			continue
		}
		gr := graph.Relation{
			SubjectID: ids[r.Subject], Subject: d.Entities[r.Subject].Name,
			Predicate: r.Predicate, Relation: r.Relation,
			ObjectID: ids[r.Object], Object: d.Entities[r.Object].Name,
			CAMEO: r.CAMEO, Negated: r.Negated, Date: r.Date, DocumentID: doc.ID,
			SentenceIndex: r.Sentence, Sentence: oneLine(d.SentenceText(r.Sentence)),
			Confidence: math.Round(r.Confidence*100) / 100, DateSource: r.DateSource, Modality: r.Modality,
			Role: r.Role, Instrument: r.Instrument, Rule: r.Rule,
		}
		if r.Source >= 0 {
			gr.Source = d.Entities[r.Source].Name
		}
		if ev, ok := x.schema.Event(r.CAMEO); ok && r.CAMEO != "" {
			gr.QuadClass, gr.Goldstein = ev.QuadClass, ev.Goldstein
			if p, e, src, ok := where.EventPlace(r.Sentence, r.Trigger, r.Subject, r.Object, r.CAMEO); ok && (e < 0 || ids[e] != "") {
				gr.Place, gr.PlaceGeo, gr.PlaceSource = p.Name, geoOf(p), src
				if e >= 0 {
					gr.PlaceID, gr.Place = ids[e], d.Entities[e].Name
				}
			}
		}
		gr.ID = graph.RelationID(gr)
		g.Relations = append(g.Relations, gr)
		from = append(from, r)
	}
	return g, from
}

// geoOf is the graph record of a resolved place, nil for none.
func geoOf(p *nlp.Place) *graph.Geo {
	if p == nil {
		return nil
	}
	return &graph.Geo{GeoNamesID: p.GeoNamesID, Lat: p.Lat, Lon: p.Lon, FeatureClass: p.FeatureClass, Confidence: p.Confidence}
}

// runeOffsets maps each byte offset of s (and len(s)) to its rune offset.
func runeOffsets(s string) []int {
	out := make([]int, len(s)+1)
	r := 0
	for i := range s {
		for j := i; j < len(s) && (j == i || !utf8.RuneStart(s[j])); j++ {
			out[j] = r
		}
		r++
	}
	out[len(s)] = r
	return out
}

// oneLine collapses the whitespace of a sentence (headlines and quotes may span lines).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// union returns a with the strings of b it lacks appended.
func union(a, b []string) []string {
	seen := make(map[string]bool, len(a))
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			a = append(a, s)
		}
	}
	return a
}

// ExtractAll extracts every article with up to workers goroutines and
// returns the graphs in input order. progress, when not nil, is called after
// each article with the number done so far. The first error stops the run,
// except that of an article over its budget when Options.OverBudget is set:
// that article is reported to it and its graph left empty.
func (x *Extractor) ExtractAll(ctx context.Context, articles []source.Article, workers int, progress func(done int)) ([]graph.Graph, error) {
	out := make([]graph.Graph, 0, len(articles))
	scan := func(add func(source.Article) error) error {
		for _, a := range articles {
			if err := add(a); err != nil {
				return err
			}
		}
		return nil
	}
	err := x.Stream(ctx, scan, workers, len(articles), progress, func(g graph.Graph) error {
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Stream extracts the articles that scan hands to its add function, with
// up to workers goroutines, and calls emit with each article's graph in
// input order, from the calling goroutine. At most window articles (at
// least workers) are read but not yet emitted, so a corpus of any size
// streams through in bounded memory. progress, when not nil, is called
// after each article with the number done so far. Errors and over-budget
// articles are handled as by ExtractAll (an over-budget article's graph is
// empty); the first error of scan, an extraction or emit stops the run and
// is returned.
func (x *Extractor) Stream(ctx context.Context, scan func(add func(source.Article) error) error, workers, window int, progress func(done int), emit func(graph.Graph) error) error {
	workers = max(workers, 1)
	window = max(window, workers)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	type job struct {
		i int
		a source.Article
	}
	type finished struct {
		job
		g   graph.Graph
		err error // an over-budget error when OverBudget is set
	}
	jobs := make(chan job)
	done := make(chan finished, window)
	slots := make(chan struct{}, window) // one per article read and not yet emitted
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				g, err := x.Extract(ctx, j.a)
				if err != nil && (x.opts.OverBudget == nil || !errors.Is(err, ErrOverBudget)) {
					cancel(err)
					g = graph.Graph{}
				}
				done <- finished{j, g, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		n := 0
		err := scan(func(a source.Article) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return context.Cause(ctx)
			}
			select {
			case jobs <- job{n, a}:
				n++
				return nil
			case <-ctx.Done():
				return context.Cause(ctx)
			}
		})
		if err != nil {
			cancel(err)
		}
	}()
	go func() { wg.Wait(); close(done) }()
	pending := map[int]finished{}
	next, n := 0, 0
	for f := range done {
		if context.Cause(ctx) != nil {
			continue // drain until the workers stop
		}
		n++
		if progress != nil {
			progress(n)
		}
		pending[f.i] = f
		for {
			f, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if f.err != nil {
				x.opts.OverBudget(f.a, f.err)
			}
			if err := emit(f.g); err != nil {
				cancel(err)
				break
			}
			<-slots
		}
	}
	return context.Cause(ctx)
}
