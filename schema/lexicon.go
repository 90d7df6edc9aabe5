package schema

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// LexEntry is one sense of a predicate in the lexicon: a verb (with an
// optional particle) or an event noun, with the relation and CAMEO code it
// denotes and where its arguments are found in the dependency parse.
type LexEntry struct {
	POS      string // "verb" or "noun"
	Lemma    string // "provide", "air strike"
	Particle string // verbs: "out", "for", "to comment"; "" for the bare verb
	Relation string // relation type name ("SUPPLIES")
	CAMEO    string // CAMEO event code ("070")
	// WeaponCAMEO replaces CAMEO when the instrument or object is a Weapon
	// ("provide weapons" → 072); "" when the entry has no such variant.
	WeaponCAMEO string
	// ObjTypes restricts the object's entity type; empty means any.
	ObjTypes []EntityType
	Args     ArgMap
	Speech   bool // verb of saying: its ccomp is reported speech sourced to its subject
	Light    bool // support verb: an event noun as its object codes the event instead
	Future   bool // expresses intent or a future act
}

// ArgMap says where each role of a relation is found: dependency slots
// tried in order ("nsubj", "obj", "iobj", "obl:to", "nmod:of", "poss" ...).
// A dependent used for one role is not used for a later one (roles are
// filled in the order Subject, Object, Instrument, Topic).
type ArgMap struct {
	Subject    []string
	Object     []string
	Instrument []string // the item given, sent or used ("weapons")
	Topic      []string // what the act is about ("accuse Y of Z")
}

// AcceptsObject reports whether an object of entity type t fits the entry.
func (e LexEntry) AcceptsObject(t EntityType) bool {
	return len(e.ObjTypes) == 0 || slices.Contains(e.ObjTypes, t)
}

// lexKey indexes verb entries.
type lexKey struct{ lemma, particle string }

// LookupVerb returns the entries of a verb lemma with a particle ("" for the
// bare verb), in lexicon order: try a more specific particle first, and take
// the first entry whose AcceptsObject fits. Lemma and particle are compared
// in lower case.
//
// British spellings find the lexicon's American ones ("neutralise",
// "criticise", "analyse" → "neutralize", "criticize", "analyze"), and a
// doubled final consonant the verb ("ramm" → "ram").
func (s *Schema) LookupVerb(lemma, particle string) []LexEntry {
	return slices.Clone(s.lookupVerb(lemma, particle))
}

// lookupVerb is LookupVerb without the copy.
func (s *Schema) lookupVerb(lemma, particle string) []LexEntry {
	lemma, particle = strings.ToLower(lemma), strings.ToLower(particle)
	if es, ok := s.verbs[lexKey{lemma, particle}]; ok {
		return es
	}
	if es, ok := s.verbs[lexKey{americanSpelling(lemma), particle}]; ok {
		return es
	}
	// A lemma left with a doubled final consonant by the lemmatizer of an
	// unknown word ("rammed" → "ramm"): the verb is "ram".
	if n := len(lemma); n > 3 && lemma[n-1] == lemma[n-2] && !strings.ContainsRune("aeiouls", rune(lemma[n-1])) {
		return s.verbs[lexKey{lemma[:n-1], particle}]
	}
	return nil
}

// SpeechVerb reports whether an entry of verb lemma (without particle) is a
// verb of saying (flag "speech"). It is LookupVerb's test without its copy,
// for rules that ask it of every token in a window.
func (s *Schema) SpeechVerb(lemma string) bool {
	for _, e := range s.lookupVerb(lemma, "") {
		if e.Speech {
			return true
		}
	}
	return false
}

// LookupNoun returns the entries of an event noun ("invasion", "air
// strike"), in lexicon order. A regular plural is accepted ("talks",
// "sanctions", "hostilities"), and so are British spellings
// ("mobilisation", "defence").
func (s *Schema) LookupNoun(lemma string) []LexEntry {
	if es, ok := s.nouns[nounKey(lemma)]; ok {
		return slices.Clone(es)
	}
	return slices.Clone(s.nouns[nounKey(americanSpelling(strings.ToLower(lemma)))])
}

// americanSpelling maps the British endings of a word to the American ones
// the lexicon is written in: -ise(d)/-isation → -ize/-ization, -yse →
// -yze, -ence of "defence"/"offence" → -ense, -our → -or ("armour").
func americanSpelling(w string) string {
	for _, r := range [][2]string{{"isation", "ization"}, {"ise", "ize"}, {"yse", "yze"}, {"fence", "fense"}, {"our", "or"}} {
		if strings.HasSuffix(w, r[0]) {
			return strings.TrimSuffix(w, r[0]) + r[1]
		}
	}
	return w
}

// VerbLemmas returns the lemmas of the lexicon's verbs, sorted, for the
// lemmatizer to know them: an inflected lexicon verb the treebank never
// showed it ("waged", "strafed") is reduced to the lexicon's lemma rather
// than to a suffix rule's guess ("wag", "straf").
func (s *Schema) VerbLemmas() []string {
	var out []string
	for k := range s.verbs {
		out = append(out, k.lemma)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// LexiconSize is the number of lexicon entries.
func (s *Schema) LexiconSize() int { return s.lexN }

// nounKey lower-cases a noun phrase and strips a regular plural from each word.
func nounKey(lemma string) string {
	words := strings.Fields(strings.ToLower(lemma))
	for i, w := range words {
		switch {
		case len(w) > 4 && strings.HasSuffix(w, "ies"):
			words[i] = w[:len(w)-3] + "y"
		case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
			words[i] = w[:len(w)-1]
		}
	}
	return strings.Join(words, " ")
}

var (
	argSlot   = regexp.MustCompile(`^(nsubj|obj|iobj|xcomp|ccomp|poss|amod|compound|(obl|nmod):[a-z]+)$`)
	cameoCode = regexp.MustCompile(`^[0-9]{3,4}$`)
)

// parseArgs parses "subj=nsubj;obj=obl:to|iobj" over the defaults for pos.
func parseArgs(pos, field string) (ArgMap, error) {
	a := ArgMap{Subject: []string{"nsubj"}, Object: []string{"obj", "iobj"}}
	if pos == "noun" {
		a = ArgMap{Subject: []string{"poss", "amod", "compound", "nmod:by"}, Object: []string{"nmod:of"}}
	}
	if field == "-" {
		return a, nil
	}
	for _, part := range strings.Split(field, ";") {
		role, slots, ok := strings.Cut(part, "=")
		if !ok {
			return a, fmt.Errorf("args part %q is not role=slots", part)
		}
		list := strings.Split(slots, "|")
		for _, sl := range list {
			if !argSlot.MatchString(sl) {
				return a, fmt.Errorf("bad slot %q", sl)
			}
			if pos == "noun" && strings.HasPrefix(sl, "obl:") || pos == "verb" && strings.HasPrefix(sl, "nmod:") {
				return a, fmt.Errorf("slot %q does not fit a %s", sl, pos)
			}
		}
		switch role {
		case "subj":
			a.Subject = list
		case "obj":
			a.Object = list
		case "instr":
			a.Instrument = list
		case "topic":
			a.Topic = list
		default:
			return a, fmt.Errorf("unknown role %q", role)
		}
	}
	return a, nil
}

func (s *Schema) parseLexicon(text string) error {
	t, err := parseTSV("lexicon.tsv", text, "pos", "lemma", "particle", "relation", "cameo", "weapon_cameo", "obj_types", "args", "flags")
	if err != nil {
		return err
	}
	s.verbs = make(map[lexKey][]LexEntry)
	s.nouns = make(map[string][]LexEntry)
	for _, r := range t.rows {
		e := LexEntry{
			POS: t.get(r, "pos"), Lemma: t.get(r, "lemma"), Particle: t.get(r, "particle"),
			Relation: t.get(r, "relation"), CAMEO: t.get(r, "cameo"), WeaponCAMEO: t.get(r, "weapon_cameo"),
		}
		if e.Lemma != strings.ToLower(e.Lemma) || e.Lemma == "" {
			return t.errorf(r, "lemma %q must be lower case", e.Lemma)
		}
		if e.Particle == "-" {
			e.Particle = ""
		}
		if e.WeaponCAMEO == "-" {
			e.WeaponCAMEO = ""
		}
		rel, ok := s.relations[e.Relation]
		if !ok || rel.Kind != KindEvent {
			return t.errorf(r, "relation %q is not an event relation of relations.tsv", e.Relation)
		}
		codes := []string{e.CAMEO}
		if e.WeaponCAMEO != "" {
			codes = append(codes, e.WeaponCAMEO)
		}
		for _, c := range codes {
			if _, ok := s.events[c]; !ok || !cameoCode.MatchString(c) {
				return t.errorf(r, "CAMEO code %q is not a 3-4 digit code of cameo.tsv", c)
			}
		}
		for _, ty := range splitList(t.get(r, "obj_types")) {
			if !ValidEntityType(ty) {
				return t.errorf(r, "obj_types: %q is not an entity type", ty)
			}
			e.ObjTypes = append(e.ObjTypes, EntityType(ty))
		}
		if e.Args, err = parseArgs(e.POS, t.get(r, "args")); err != nil {
			return t.errorf(r, "%v", err)
		}
		for _, f := range strings.Split(t.get(r, "flags"), ",") {
			switch f {
			case "-":
			case "speech":
				e.Speech = true
			case "light":
				e.Light = true
			case "future":
				e.Future = true
			default:
				return t.errorf(r, "unknown flag %q", f)
			}
		}
		switch e.POS {
		case "verb":
			if strings.Contains(e.Lemma, " ") {
				return t.errorf(r, "verb lemma %q must be one word (use the particle column)", e.Lemma)
			}
			k := lexKey{e.Lemma, e.Particle}
			if unreachable(s.verbs[k]) {
				return t.errorf(r, "verb %q particle %q can never be chosen: an earlier entry accepts any object", e.Lemma, e.Particle)
			}
			s.verbs[k] = append(s.verbs[k], e)
		case "noun":
			if e.Particle != "" {
				return t.errorf(r, "nouns take no particle")
			}
			k := nounKey(e.Lemma)
			if unreachable(s.nouns[k]) {
				return t.errorf(r, "noun %q can never be chosen: an earlier entry accepts any object", e.Lemma)
			}
			s.nouns[k] = append(s.nouns[k], e)
		default:
			return t.errorf(r, "pos %q is not verb or noun", e.POS)
		}
		s.lexN++
	}
	return nil
}

// unreachable reports whether an entry added after prev could never be
// chosen, because an earlier entry with the same key accepts every object.
func unreachable(prev []LexEntry) bool {
	return slices.ContainsFunc(prev, func(p LexEntry) bool { return len(p.ObjTypes) == 0 })
}
