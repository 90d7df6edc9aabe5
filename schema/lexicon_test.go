package schema

import (
	"slices"
	"testing"
)

// allEntries returns every lexicon entry.
func allEntries(s *Schema) []LexEntry {
	var out []LexEntry
	for _, es := range s.verbs {
		out = append(out, es...)
	}
	for _, es := range s.nouns {
		out = append(out, es...)
	}
	return out
}

func TestLexiconValidity(t *testing.T) {
	s := mustLoad(t)
	entries := allEntries(s)
	if len(entries) != s.LexiconSize() {
		t.Fatalf("indexed %d entries, LexiconSize %d", len(entries), s.LexiconSize())
	}
	if s.LexiconSize() < 400 {
		t.Errorf("lexicon has %d entries, want at least 400", s.LexiconSize())
	}
	roots := map[string]int{}
	for _, e := range entries {
		ev, ok := s.Event(e.CAMEO)
		if !ok || len(e.CAMEO) < 3 {
			t.Errorf("%s %q: CAMEO %q not a 3-4 digit code of the table", e.POS, e.Lemma, e.CAMEO)
			continue
		}
		roots[ev.Root]++
		if e.WeaponCAMEO != "" {
			if _, ok := s.Event(e.WeaponCAMEO); !ok {
				t.Errorf("%q: weapon CAMEO %q not in the table", e.Lemma, e.WeaponCAMEO)
			}
		}
		r, ok := s.Relation(e.Relation)
		if !ok || r.Kind != KindEvent || !s.ValidRelation(e.Relation) {
			t.Errorf("%q: relation %q is not an event relation", e.Lemma, e.Relation)
		}
		if len(e.Args.Subject) == 0 || len(e.Args.Object) == 0 {
			t.Errorf("%q: empty subject or object slots: %+v", e.Lemma, e.Args)
		}
	}
	for root := 1; root <= 20; root++ {
		code := string(rune('0'+root/10)) + string(rune('0'+root%10))
		if roots[code] < 5 {
			t.Errorf("CAMEO root %s has %d lexicon entries, want at least 5", code, roots[code])
		}
	}
}

func TestLookupVerb(t *testing.T) {
	s := mustLoad(t)
	cases := []struct {
		lemma, particle string
		rel, code       string
	}{
		{"invade", "", "INVADES", "192"},
		{"warn", "", "WARNS", "130"},
		{"provide", "", "SUPPLIES", "070"},
		{"call", "for", "REQUESTS", "020"},
		{"call", "on", "APPEALS_TO", "020"},
		{"carry", "out", "ATTACKS", "190"},
		{"pull", "out", "WITHDRAWS_FROM", "087"},
		{"decline", "to comment", "DECLINES_COMMENT", "011"},
		{"Accuse", "", "ACCUSES", "112"},
		{"meet", "", "MEETS", "040"},
		{"sanction", "", "SANCTIONS", "163"},
		{"assassinate", "", "ASSASSINATES", "186"},
		{"neutralise", "", "KILLS", "190"}, // British spelling
		{"criticise", "", "CRITICIZES", "111"},
		{"ramm", "", "ATTACKS", "190"}, // "rammed" left with a doubled consonant
	}
	for _, c := range cases {
		es := s.LookupVerb(c.lemma, c.particle)
		if len(es) == 0 || es[0].Relation != c.rel || es[0].CAMEO != c.code {
			t.Errorf("LookupVerb(%q, %q) = %+v; want %s %s", c.lemma, c.particle, es, c.rel, c.code)
		}
	}
	if es := s.LookupNoun("mobilisation"); len(es) == 0 || es[0].Relation != "MOBILIZES" {
		t.Errorf("LookupNoun(mobilisation) = %+v; want the entry of mobilization", es)
	}
	if es := s.LookupVerb("rise", ""); len(es) != 0 {
		t.Errorf("LookupVerb(rise) = %+v; a word ending in -ise is not always British", es)
	}
	if es := s.LookupVerb("carry", ""); len(es) != 0 {
		t.Errorf("LookupVerb(carry) = %+v; the bare verb has no entry", es)
	}

	p := s.LookupVerb("provide", "")[0]
	if p.WeaponCAMEO != "072" || !slices.Equal(p.Args.Object, []string{"obl:to", "obl:for", "iobj", "obj"}) || !slices.Equal(p.Args.Instrument, []string{"obj", "obl:with"}) {
		t.Errorf("provide = %+v", p)
	}
	r := s.LookupVerb("receive", "from")[0]
	if r.Relation != "SUPPLIES" || !slices.Equal(r.Args.Subject, []string{"obl:from"}) || !slices.Equal(r.Args.Object, []string{"nsubj"}) {
		t.Errorf("receive from = %+v; want subject and object swapped", r)
	}
	a := s.LookupVerb("accuse", "")[0]
	if !slices.Equal(a.Args.Topic, []string{"obl:of"}) || !a.Speech {
		t.Errorf("accuse = %+v; want topic obl:of and speech", a)
	}
	if w := s.LookupVerb("warn", "")[0]; !w.Speech {
		t.Error("warn is not a speech verb")
	}
	for v, want := range map[string]bool{"say": true, "emphasise": true, "attack": false, "continue": false, "no-such-verb": false} {
		if s.SpeechVerb(v) != want {
			t.Errorf("SpeechVerb(%q) = %v, want %v", v, !want, want)
		}
	}
	if l := s.LookupVerb("launch", "")[0]; !l.Light {
		t.Error("launch is not a light verb")
	}

	seize := s.LookupVerb("seize", "")
	if len(seize) != 2 || !seize[0].AcceptsObject(Location) || seize[0].CAMEO != "192" || seize[0].AcceptsObject(Weapon) || seize[1].CAMEO != "171" || !seize[1].AcceptsObject(Weapon) {
		t.Errorf("seize = %+v; want 192 for places, then 171 for anything", seize)
	}
}

func TestLookupNoun(t *testing.T) {
	s := mustLoad(t)
	cases := []struct{ lemma, rel, code string }{
		{"invasion", "INVADES", "192"},
		{"sanctions", "SANCTIONS", "163"},
		{"talks", "NEGOTIATES_WITH", "046"},
		{"peace talks", "NEGOTIATES_WITH", "046"},
		{"air strikes", "BOMBS", "195"},
		{"strike", "ATTACKS", "190"},
		{"warning", "WARNS", "130"},
		{"shipment", "SUPPLIES", "070"},
		{"aid", "AIDS", "070"},
		{"hostilities", "FIGHTS", "190"},
		{"Attack", "ATTACKS", "190"},
	}
	for _, c := range cases {
		es := s.LookupNoun(c.lemma)
		if len(es) == 0 || es[0].Relation != c.rel || es[0].CAMEO != c.code {
			t.Errorf("LookupNoun(%q) = %+v; want %s %s", c.lemma, es, c.rel, c.code)
		}
	}
	inv := s.LookupNoun("invasion")[0]
	if !slices.Equal(inv.Args.Subject, []string{"poss", "amod", "compound", "nmod:by"}) || !slices.Equal(inv.Args.Object, []string{"nmod:of", "nmod:into"}) {
		t.Errorf("invasion args = %+v", inv.Args)
	}
	if es := s.LookupNoun("table"); len(es) != 0 {
		t.Errorf("LookupNoun(table) = %+v", es)
	}
}

func TestParseArgs(t *testing.T) {
	a, err := parseArgs("verb", "obj=obl:to|iobj;instr=obj")
	if err != nil || !slices.Equal(a.Subject, []string{"nsubj"}) || !slices.Equal(a.Object, []string{"obl:to", "iobj"}) || !slices.Equal(a.Instrument, []string{"obj"}) {
		t.Errorf("parseArgs = %+v, %v", a, err)
	}
	for _, bad := range []string{"obj", "who=obj", "obj=nmod:of", "obj=obl:To"} {
		if _, err := parseArgs("verb", bad); err == nil {
			t.Errorf("parseArgs(verb, %q) succeeded", bad)
		}
	}
	if _, err := parseArgs("noun", "obj=obl:to"); err == nil {
		t.Error("parseArgs(noun, obl:to) succeeded")
	}
}

func TestParseLexiconRejects(t *testing.T) {
	s := mustLoad(t)
	header := "pos\tlemma\tparticle\trelation\tcameo\tweapon_cameo\tobj_types\targs\tflags\n"
	bad := map[string]string{
		"unknown code":     "verb\tattack\t-\tATTACKS\t176\t-\t-\t-\t-\n",
		"root only":        "verb\tattack\t-\tATTACKS\t19\t-\t-\t-\t-\n",
		"static relation":  "verb\tjoin\t-\tMEMBER_OF\t050\t-\t-\t-\t-\n",
		"unknown relation": "verb\tattack\t-\tHARMS\t190\t-\t-\t-\t-\n",
		"bad type":         "verb\tseize\t-\tCAPTURES\t192\t-\tCity\t-\t-\n",
		"unreachable":      "verb\tseize\t-\tSEIZES\t171\t-\t-\t-\t-\nverb\tseize\t-\tCAPTURES\t192\t-\tLocation\t-\t-\n",
		"bad flag":         "verb\tsay\t-\tSTATES\t010\t-\t-\t-\tloud\n",
		"noun particle":    "noun\tattack\ton\tATTACKS\t190\t-\t-\t-\t-\n",
	}
	for name, rows := range bad {
		c := &Schema{events: s.events, relations: s.relations}
		if err := c.parseLexicon(header + rows); err == nil {
			t.Errorf("%s: parseLexicon succeeded", name)
		}
	}
}
