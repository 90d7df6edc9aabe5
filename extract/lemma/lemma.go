// Package lemma is kg's lemmatizer: it gives each tagged token its
// dictionary form ("invaded" → "invade", "was" → "be", "n't" → "not").
//
// Known words are looked up in an exception table learned from the
// treebank: the most frequent lemma of each (form, XPOS) pair, else the
// lemma of the form when it always had the same one. Unknown
// words go through suffix rules learned from the same data: for every word
// type the rule "strip k final letters, append s" that turns it into its
// lemma is counted under its XPOS and each of its final letter sequences;
// an unknown word takes the most frequent rule of its longest final
// sequence seen with at least minSupport word types of its XPOS, so
// "providing" (VBG) follows "deciding" → "decide", and "shipped" (VBD)
// follows "stopped" → "stop". Common words are lower-cased; proper nouns
// keep their form.
package lemma

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/flat"
)

// Rule learning limits: suffixes up to maxSuffix bytes; a suffix decides
// only when at least minSupport word types back it.
const (
	maxSuffix  = 6
	minSupport = 2
)

// rule turns a form into its lemma: drop strip final bytes, append add.
type rule struct {
	strip int
	add   string
}

func (r rule) apply(form string) string {
	if r.strip > len(form) {
		return form
	}
	return form[:len(form)-r.strip] + r.add
}

// ruleOf returns the rule turning form into lemma.
func ruleOf(form, lemma string) rule {
	n := 0
	for n < len(form) && n < len(lemma) && form[n] == lemma[n] {
		n++
	}
	return rule{strip: len(form) - n, add: lemma[n:]}
}

// Lemmatizer fills Token.Lemma. It is safe for concurrent use. Its tables
// are flat (package flat), so that a process maps them from the cache
// instead of building them.
type Lemmatizer struct {
	// exact maps "form\x00XPOS" to the lemma.
	exact flat.StringMap
	// single maps a form to its lemma when every occurrence of the form in
	// training, whatever its tag, has that lemma; it rescues known words the
	// tagger tags in a way training never did.
	single flat.StringMap
	// rules finds "XPOS\x00suffix", whose rule for lower-cased unknown
	// words strips ruleStrip bytes and adds ruleAdd.
	rules     flat.Map
	ruleStrip []int32
	ruleAdd   flat.Strings
	// verbs is the set of verb lemmas seen in training, moreVerbs those of
	// WithVerbs; they check what the suffix rules make of an unknown
	// inflected verb.
	verbs     flat.Map
	moreVerbs map[string]bool
	// irregular maps the irregular past forms of irregular.tsv to their
	// lemmas.
	irregular map[string]string
}

// tables are a lemmatizer's tables as training makes them and its file
// holds them: exact maps "form\x00XPOS" to the lemma, single a form to its
// only lemma, rules "XPOS\x00suffix" to a rule.
type tables struct {
	exact, single map[string]string
	rules         map[string]rule
}

// flatten returns the payload of the lemmatizer of t (see view).
func (t tables) flatten() []byte {
	var b flat.Builder
	flat.AppendStringMap(&b, t.exact)
	flat.AppendStringMap(&b, t.single)
	keys := slices.Sorted(maps.Keys(t.rules))
	strip, add := make([]int32, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		strip[i], add[i] = int32(t.rules[k].strip), t.rules[k].add
	}
	flat.AppendMap(&b, keys)
	flat.Append(&b, strip)
	flat.AppendStrings(&b, add)
	verbs := map[string]bool{}
	for k, lem := range t.exact {
		if _, xpos, _ := strings.Cut(k, "\x00"); strings.HasPrefix(xpos, "VB") {
			verbs[lem] = true
		}
	}
	flat.AppendMap(&b, slices.Sorted(maps.Keys(verbs)))
	return b.Payload()
}

// view returns the lemmatizer of payload p (of tables.flatten), whose
// tables point into p.
func view(p []byte) (*Lemmatizer, error) {
	r := flat.NewReader(p)
	l := &Lemmatizer{exact: flat.ViewStringMap(r), single: flat.ViewStringMap(r),
		rules: flat.ViewMap(r), ruleStrip: flat.View[int32](r), ruleAdd: flat.ViewStrings(r), verbs: flat.ViewMap(r)}
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(l.ruleStrip) != l.rules.Len() || l.ruleAdd.Len() != l.rules.Len() {
		return nil, errors.New("malformed lemmatizer")
	}
	l.irregular = map[string]string{}
	for line := range strings.Lines(irregularTSV) {
		form, lem, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if ok && !strings.HasPrefix(form, "#") && form != "form" {
			l.irregular[form] = lem
		}
	}
	return l, nil
}

// newLemmatizer returns the lemmatizer of t.
func newLemmatizer(t tables) *Lemmatizer {
	l, err := view(t.flatten())
	if err != nil {
		panic(err) // flatten's payload is always well formed
	}
	return l
}

// irregularTSV is the table of irregular verb forms (irregular.tsv).
//
//go:embed irregular.tsv
var irregularTSV string

// isVerb reports whether lemma is a known verb lemma.
func (l *Lemmatizer) isVerb(lemma string) bool {
	return l.verbs.Index(lemma) >= 0 || l.moreVerbs[lemma]
}

// verbStem returns the known verb lemma an inflected form comes from when
// the suffix rule's guess is no known verb ("blamed": the rule gives
// "blam", the verbs know "blame"), else guess.
func (l *Lemmatizer) verbStem(lower, xpos, guess string) string {
	if l.isVerb(guess) {
		return guess
	}
	var stems []string
	switch xpos {
	case "VBD", "VBN":
		if st, ok := strings.CutSuffix(lower, "ed"); ok {
			stems = append(stems, st+"e", st)
			if n := len(st); n > 2 && st[n-1] == st[n-2] {
				stems = append(stems, st[:n-1]) // "shipped" → "ship"
			}
		}
		if st, ok := strings.CutSuffix(lower, "ied"); ok {
			stems = append(stems, st+"y")
		}
	case "VBG":
		if st, ok := strings.CutSuffix(lower, "ing"); ok {
			stems = append(stems, st+"e", st)
			if n := len(st); n > 2 && st[n-1] == st[n-2] {
				stems = append(stems, st[:n-1])
			}
		}
	case "VBZ":
		if st, ok := strings.CutSuffix(lower, "ies"); ok {
			stems = append(stems, st+"y")
		}
		if st, ok := strings.CutSuffix(lower, "es"); ok {
			stems = append(stems, st, st+"e")
		}
		if st, ok := strings.CutSuffix(lower, "s"); ok {
			stems = append(stems, st)
		}
	}
	for _, st := range stems {
		if l.isVerb(st) {
			return st
		}
	}
	return guess
}

// WithVerbs returns a copy of l that also knows the verb lemmas given (a
// verb lexicon's), so that an unknown inflected form of one of them takes
// that lemma ("waged" → "wage" where the suffix rule guesses "wag"). The
// forms the treebank showed keep their learned lemma. l is not changed.
func (l *Lemmatizer) WithVerbs(lemmas []string) *Lemmatizer {
	c := *l
	c.moreVerbs = maps.Clone(l.moreVerbs)
	if c.moreVerbs == nil {
		c.moreVerbs = map[string]bool{}
	}
	for _, v := range lemmas {
		c.moreVerbs[v] = true
	}
	return &c
}

// Name returns "lemma".
func (l *Lemmatizer) Name() string { return "lemma" }

// Process fills Lemma of every token; it requires XPOS (the tagger).
func (l *Lemmatizer) Process(ctx context.Context, d *nlp.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("lemma: %w", err)
	}
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.Lemma = l.Lemma(t.Text, t.XPOS)
	}
	return nil
}

// Lemma returns the lemma of form tagged xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	if lem, ok := l.exact.Get(form + "\x00" + xpos); ok {
		return lem
	}
	lower := strings.ToLower(form)
	if lem, ok := l.exact.Get(lower + "\x00" + xpos); ok {
		return lem
	}
	if lem, ok := l.irregular[lower]; ok && strings.HasPrefix(xpos, "VB") {
		return lem // "shot" → "shoot", which the rules would cut to "shet"
	}
	// A form seen with one lemma only, unless that was as a noun and it is
	// now a gerund: "warning", "bombing" as VBG are "warn", "bomb".
	if lem, ok := l.single.Get(form); ok && !(xpos == "VBG" && lem == lower && strings.HasSuffix(lower, "ing")) {
		return lem
	}
	switch xpos {
	case "NNP":
		// Names keep their form.
		return form
	case "NNPS":
		// Plural names keep their case ("Hills" → "Hill").
		r := l.ruleFor(lower, xpos)
		if r.strip > len(form) {
			return form
		}
		return form[:len(form)-r.strip] + r.add
	}
	// Common words are lower-cased, as in the treebank.
	guess := l.ruleFor(lower, xpos).apply(lower)
	if strings.HasPrefix(xpos, "VB") {
		return l.verbStem(lower, xpos, guess)
	}
	return guess
}

// ruleFor returns the rule of the longest known suffix of lower under xpos,
// or the identity.
func (l *Lemmatizer) ruleFor(lower, xpos string) rule {
	for n := min(maxSuffix, len(lower)); n >= 0; n-- {
		if i := l.rules.Index(xpos + "\x00" + lower[len(lower)-n:]); i >= 0 {
			return rule{strip: int(l.ruleStrip[i]), add: l.ruleAdd.At(i)}
		}
	}
	return rule{}
}
