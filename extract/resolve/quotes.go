package resolve

import (
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/schema"
)

// quotes finds the direct quotations (“…” or "…") and attributes each to
// its speaker: the subject of a speech verb in the text around the quote in
// the sentences it touches ("…,” he said.", "Ryabkov said: “…”", "“…,”
// Sergey Ryabkov … was quoted as saying").
func (st *state) quotes() {
	d := st.d
	open := -1
	straight := false
	for k, t := range d.Tokens {
		switch t.Text {
		case "“", "``":
			open, straight = k, false
		case "\"":
			if open >= 0 && straight {
				st.addQuote(open, k)
				open = -1
			} else {
				open, straight = k, true
			}
		case "”", "''":
			if open >= 0 {
				st.addQuote(open, k)
			}
			open = -1
		}
	}
}

// addQuote records the quote between the marks at tokens open and close.
func (st *state) addQuote(open, close int) {
	if close-open <= 4 {
		return // a scare quote ("escalatory", “no signs”), not speech
	}
	q := nlp.Quote{Start: open + 1, End: close, Speaker: st.speaker(open, close)}
	st.d.Quotes = append(st.d.Quotes, q)
}

// speaker finds who said the quote between tokens open and close.
func (st *state) speaker(open, close int) int {
	d := st.d
	first := d.Sentences[d.Tokens[open].Sentence]
	last := d.Sentences[d.Tokens[close].Sentence]
	// Text after the quote in the closing sentence, then before it in the opening one.
	for _, span := range [][2]int{{close + 1, last.End}, {first.Start, open}} {
		for k := span[0]; k < span[1]; k++ {
			t := d.Tokens[k]
			if !st.r.s.SpeechVerb(t.Lemma) && !st.r.words.quoteVerbs.Has(t.Lemma) {
				continue
			}
			if e := st.subjectOf(k); e >= 0 {
				return e
			}
		}
	}
	return -1
}

// subjectOf returns the entity that is the subject of verb v, following
// "was quoted as saying" to the passive subject and the agent.
func (st *state) subjectOf(v int) int {
	d := st.d
	for _, c := range d.Children(v) {
		switch d.Tokens[c].Dep {
		case "nsubj", "nsubj:pass", "obl:agent":
			if e := st.entityAt(c); e >= 0 {
				return e
			}
		}
	}
	// "X, …, was quoted as saying": the speech verb is an advcl/xcomp of "quoted".
	if h := d.Tokens[v].Head; h >= 0 && (d.Tokens[v].Dep == "advcl" || d.Tokens[v].Dep == "xcomp") {
		return st.subjectOf(h)
	}
	// The subject may be a mention that no dependency reaches (parser error):
	// a person right before or after the verb.
	for _, k := range []int{v - 1, v + 1} {
		if e := st.entityAt(k); e >= 0 && d.Tokens[k].Sentence == d.Tokens[v].Sentence && d.Entities[e].Type == string(schema.Person) {
			return e
		}
	}
	return -1
}

// firstPerson resolves "we"/"our" inside a quote to the speaker's
// organization or country (the speaker when unaffiliated), and "I"/"my"
// to the speaker.
func (st *state) firstPerson() {
	d := st.d
	for _, q := range d.Quotes {
		if q.Speaker < 0 {
			continue
		}
		speaker := st.find(q.Speaker)
		group := speaker
		for _, l := range d.Entities[speaker].Links {
			if l.Relation == "AFFILIATION" {
				group = st.find(l.Entity)
				break
			}
		}
		for k := q.Start; k < q.End; k++ {
			if st.tokMention[k] >= 0 {
				continue
			}
			w := strings.ToLower(d.Tokens[k].Text)
			switch {
			case st.r.words.firstSingular.Has(w):
				st.addPronoun(k, k+1, speaker)
			case st.r.words.firstPlural.Has(w):
				st.addPronoun(k, k+1, group)
			}
		}
	}
}
