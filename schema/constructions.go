package schema

import (
	"bufio"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// constructionsFile is the data file of the constructions.
const constructionsFile = "constructions.txt"

// Construction is one rule of data/constructions.txt: a lexically triggered
// construction of a verb ("returned fire", "did not recognize", "send troops
// to the border") with the relation it yields and the example sentences that
// test it. The schema parses and checks it; extract/relate matches it on the
// parse, calling the named action (a Go function of relate's registry) where
// the object takes tree navigation to find. docs/schema.md describes the
// format.
type Construction struct {
	ID   string // "returned-fire": unique; the rule id of what it yields ends in "/ID"
	Line int    // the line of its "rule" header
	Doc  string // the comment lines inside the block, joined

	Verbs  Words    // the verb's lemma ("verb" line); empty when Senses triggers
	Senses []string // the relation of the verb's lexicon sense ("sense" line)
	Deps   []Dependent
	// Negated asks that the verb be negated ("did not accept", "refused to
	// recognize"); the relation yielded is then not negated.
	Negated bool
	// HasObject asks that the verb's arguments already name an object.
	HasObject bool

	// Action names the Go function that finds the objects when the verb's
	// own arguments name none ("latest-attacker"); "" for a rule that only
	// recodes. ActionLine is its line, for relate's check of the name.
	Action     string
	ActionLine int
	// BeforeLexicon has the rule tried before the verb's lexicon senses,
	// which are not read when it fires ("responded to the shelling").
	BeforeLexicon bool
	Consume       []string // deprels of Deps whose matched words state no act of their own
	Relation      string   // the relation yielded
	CAMEO         string   // its code

	Examples []Example
	Not      []Sentence // sentences where the rule must not fire
}

// Dependent constrains one dependent of the verb: its deprel (the
// universal part: "obl" matches "obl:tmod"), the prepositions one of which
// must mark it ("to", "for" of "obl:to|for"; none for any) and its lemma.
type Dependent struct {
	Dep   string // "obj", "obl", "xcomp", ...
	Cases []string
	Words Words
}

// Words is a set of lemmas given in a rule: listed ("border | frontier"),
// named word sets of data/words ("@response-verbs"), or any word ("*").
type Words struct {
	Lemmas []string  // lower case
	Sets   []WordSet // the named sets
	Any    bool
}

// Has reports whether lemma (compared in lower case) is one of the words.
func (w Words) Has(lemma string) bool {
	if w.Any {
		return true
	}
	lemma = strings.ToLower(lemma)
	if slices.Contains(w.Lemmas, lemma) {
		return true
	}
	return slices.ContainsFunc(w.Sets, func(s WordSet) bool { return s.Has(lemma) })
}

// All returns every lemma of the words, the sets' included.
func (w Words) All() []string {
	out := slices.Clone(w.Lemmas)
	for _, s := range w.Sets {
		out = append(out, s.Words()...)
	}
	return out
}

// Empty reports whether no lemma, set or "*" is given.
func (w Words) Empty() bool { return len(w.Lemmas) == 0 && len(w.Sets) == 0 && !w.Any }

// Example is an example sentence of a construction with the triples
// ("Subject RELATION Object") the rule must make from it, exactly.
type Example struct {
	Sentence
	Triples []string
}

// Sentence is a text of a rule with its line in the file.
type Sentence struct {
	Text string
	Line int
}

// Constructions returns the constructions, in file order.
func (s *Schema) Constructions() []Construction { return slices.Clone(s.constructions) }

var (
	constructionID = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	// dependentKeyword is a dependent line's keyword: "obj", "obl:to|for".
	dependentKeyword = regexp.MustCompile(`^(obj|iobj|obl|xcomp|ccomp|advcl|advmod|nsubj)(:[a-z]+(\|[a-z]+)*)?$`)
)

// parseConstructions parses constructions.txt; the relations, codes and word
// sets it names must be loaded.
func (s *Schema) parseConstructions(text string) error {
	var (
		out []Construction
		c   *Construction
		ids = map[string]int{}
	)
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		errorf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", constructionsFile, n, fmt.Sprintf(format, args...))
		}
		raw := strings.TrimRight(sc.Text(), "\r")
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if c != nil && raw != line { // an indented comment documents the rule
				c.Doc = strings.TrimSpace(c.Doc + " " + strings.TrimSpace(strings.TrimPrefix(line, "#")))
			}
			continue
		}
		key, rest, _ := strings.Cut(line, " ")
		key, rest = strings.TrimSpace(key), strings.TrimSpace(rest)
		if raw == line { // not indented: a new rule
			if key != "rule" {
				return errorf("%q outside a rule: a block starts with \"rule ID\" and its lines are indented", line)
			}
			if c != nil {
				if err := s.checkConstruction(c); err != nil {
					return err
				}
				out = append(out, *c)
			}
			if !constructionID.MatchString(rest) {
				return errorf("rule id %q: lower-case words joined by hyphens", rest)
			}
			if at, dup := ids[rest]; dup {
				return errorf("rule %q already defined on line %d", rest, at)
			}
			ids[rest] = n
			c = &Construction{ID: rest, Line: n}
			continue
		}
		if c == nil {
			return errorf("indented line before the first \"rule\"")
		}
		var err error
		switch {
		case key == "verb":
			if !c.Verbs.Empty() {
				return errorf("a second \"verb\" line: list the lemmas on one, separated by |")
			}
			c.Verbs, err = s.parseWords(rest)
		case key == "sense":
			for _, r := range splitList(rest) {
				if rt, ok := s.relations[r]; !ok || rt.Kind != KindEvent {
					return errorf("sense %q is not an event relation of relations.tsv", r)
				}
				c.Senses = append(c.Senses, r)
			}
			if len(c.Senses) == 0 {
				return errorf("sense: name one or more relations")
			}
		case key == "negated" && rest == "":
			c.Negated = true
		case key == "has" && rest == "object":
			c.HasObject = true
		case key == "before" && rest == "lexicon":
			c.BeforeLexicon = true

		case key == "objects":
			if c.Action != "" || rest == "" || strings.ContainsAny(rest, " \t") {
				return errorf("objects: name one action (a Go function of extract/relate)")
			}
			c.Action, c.ActionLine = rest, n
		case key == "consume":
			c.Consume = append(c.Consume, rest)
		case key == "yields":
			f := strings.Fields(rest)
			if len(f) != 2 {
				return errorf("yields: RELATION CODE (\"yields FIGHTS 190\")")
			}
			if rt, ok := s.relations[f[0]]; !ok || rt.Kind != KindEvent {
				return errorf("yields: %q is not an event relation of relations.tsv", f[0])
			}
			if _, ok := s.events[f[1]]; !ok || !cameoCode.MatchString(f[1]) {
				return errorf("yields: CAMEO code %q is not a 3-4 digit code of cameo.tsv", f[1])
			}
			c.Relation, c.CAMEO = f[0], f[1]
		case key == "example":
			if rest == "" {
				return errorf("example: a sentence")
			}
			c.Examples = append(c.Examples, Example{Sentence: Sentence{Text: rest, Line: n}})
		case key == "=>":
			if len(c.Examples) == 0 {
				return errorf("\"=>\" before any example")
			}
			if err := s.checkTriple(rest); err != nil {
				return errorf("%v", err)
			}
			ex := &c.Examples[len(c.Examples)-1]
			ex.Triples = append(ex.Triples, rest)
		case key == "not":
			if rest == "" {
				return errorf("not: a sentence")
			}
			c.Not = append(c.Not, Sentence{Text: rest, Line: n})
		case dependentKeyword.MatchString(key):
			dep, preps, _ := strings.Cut(key, ":")
			d := Dependent{Dep: dep, Cases: splitList(preps)}
			if d.Words, err = s.parseWords(rest); err == nil && d.Words.Empty() {
				err = fmt.Errorf("%s: which lemmas (\"fire\", \"border | frontier\", \"@response-verbs\", \"*\" for any)", key)
			}
			c.Deps = append(c.Deps, d)
		default:
			return errorf("unknown line %q (docs/schema.md, Constructions)", line)
		}
		if err != nil {
			return errorf("%v", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", constructionsFile, err)
	}
	if c != nil {
		if err := s.checkConstruction(c); err != nil {
			return err
		}
		out = append(out, *c)
	}
	s.constructions = out
	return nil
}

// parseWords parses "a | b | @set", or "*" for any word.
func (s *Schema) parseWords(field string) (Words, error) {
	if field == "*" {
		return Words{Any: true}, nil
	}
	var w Words
	for _, item := range splitList(field) {
		if name, ok := strings.CutPrefix(item, "@"); ok {
			set, err := s.WordSet(name)
			if err != nil {
				return w, err
			}
			w.Sets = append(w.Sets, set)
			continue
		}
		if item != strings.ToLower(item) || strings.ContainsAny(item, " \t") {
			return w, fmt.Errorf("lemma %q: one lower-case word", item)
		}
		w.Lemmas = append(w.Lemmas, item)
	}
	return w, nil
}

// checkTriple checks an expected triple "Subject RELATION Object": a
// relation of the vocabulary between two names.
func (s *Schema) checkTriple(t string) error {
	f := strings.Fields(t)
	for i := 1; i < len(f)-1; i++ {
		if s.ValidRelation(f[i]) {
			return nil
		}
	}
	return fmt.Errorf("%q is not \"Subject RELATION Object\" with a relation of relations.tsv", t)
}

// checkConstruction checks a whole rule: a trigger, what it yields, its
// consumed dependents, and examples that can test it.
func (s *Schema) checkConstruction(c *Construction) error {
	errorf := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: rule %s: %s", constructionsFile, c.Line, c.ID, fmt.Sprintf(format, args...))
	}
	switch {
	case c.Verbs.Empty() && len(c.Senses) == 0:
		return errorf("no trigger: give a \"verb\" or a \"sense\" line")
	case c.Relation == "":
		return errorf("no \"yields RELATION CODE\" line")
	case len(c.Examples) == 0:
		return errorf("no example: give an \"example\" sentence and its \"=>\" triples")
	case len(c.Not) == 0:
		return errorf("no \"not\" sentence where the rule must not fire")
	case c.Action != "" && c.HasObject:
		return errorf("\"objects\" finds objects for a verb that has none; \"has object\" asks for one")
	case c.BeforeLexicon && (c.Action == "" || len(c.Senses) > 0 || c.HasObject):
		return errorf("\"before lexicon\" needs \"objects\", and no \"sense\" or \"has object\": no sense is read yet")
	}
	for _, ex := range c.Examples {
		if len(ex.Triples) == 0 {
			return fmt.Errorf("%s:%d: rule %s: example without \"=>\" triples", constructionsFile, ex.Line, c.ID)
		}
		for _, t := range ex.Triples {
			if !slices.Contains(strings.Fields(t), c.Relation) {
				return fmt.Errorf("%s:%d: rule %s: triple %q is not of the relation it yields, %s", constructionsFile, ex.Line, c.ID, t, c.Relation)
			}
		}
	}
	for _, dep := range c.Consume {
		if !slices.ContainsFunc(c.Deps, func(d Dependent) bool { return d.Dep == dep }) {
			return errorf("consume %q: not a dependent the rule matches", dep)
		}
	}
	return nil
}
