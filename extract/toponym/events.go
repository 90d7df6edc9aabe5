package toponym

import (
	"strings"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/schema"
)

// Where an event's location comes from.
const (
	SourceText     = "text"     // a place the sentence names
	SourceContext  = "context"  // a place a sentence around it names, for want of one
	SourceDateline = "dateline" // the dateline's city, for want of either
)

// contextBefore and contextAfter are how many sentences before and after
// an event's sentence are searched for a place when it names none.
const (
	contextBefore = 2
	contextAfter  = 1
)

// Locator finds where the events of one document happened.
type Locator struct {
	t         *Toponyms
	d         *nlp.Document
	places    [][]nlp.Mention // each sentence's mentions of resolved places
	countries [][]nlp.Mention // each sentence's mentions of states
}

// Locator indexes the mentions of resolved places and of states of d by
// sentence.
func (t *Toponyms) Locator(d *nlp.Document) *Locator {
	l := &Locator{t: t, d: d, places: make([][]nlp.Mention, len(d.Sentences)), countries: make([][]nlp.Mention, len(d.Sentences))}
	for _, m := range d.Mentions {
		if m.Entity < 0 || m.Pronoun {
			continue
		}
		si := d.Tokens[m.Start].Sentence
		switch e := d.Entities[m.Entity]; {
		case e.Type == string(schema.Location) && e.Place != nil:
			l.places[si] = append(l.places[si], m)
		case e.Type == string(schema.Country) && e.Country != "":
			l.countries[si] = append(l.countries[si], m)
		}
	}
	return l
}

// countryPlace is the country-level location of state iso3: the
// gazetteer country's GeoNames id and centroid, as GDELT locates an event
// it knows only the country of.
func (t *Toponyms) countryPlace(name, iso3 string) (*nlp.Place, bool) {
	c, ok := t.g.Country(iso3)
	if !ok || c.Lat == 0 && c.Lon == 0 {
		return nil, false
	}
	return &nlp.Place{Name: name, GeoNamesID: c.GeoNamesID, Lat: c.Lat, Lon: c.Lon, FeatureClass: string(geo.ClassAdmin),
		Country: iso3, Confidence: 1}, true
}

// EventPlace returns where the event of sentence si happened, whose
// predicate is token trigger-1 (trigger 0: none), whose ends are entities
// subject and object and whose CAMEO code is cameo: the object when it is
// a resolved place ("shelled Kharkiv"); else the resolved place the
// sentence names after a locative preposition ("in", "near", "at" …), or
// failing that any it names, the nearest to the predicate; else, at the
// country level, a state the sentence names after a locative preposition
// ("in Somalia"), or the state an act of force (CAMEO 18-20) targets;
// else, as GDELT takes the location mentioned closest to the action, the
// place named nearest in the sentences around it (the last of the one or
// two before, else the first of the next); else the dateline's city.
// entity is the place's index in d.Entities, -1 for the dateline. ok is
// false when nothing locates the event.
func (l *Locator) EventPlace(si, trigger, subject, object int, cameo string) (p *nlp.Place, entity int, source string, ok bool) {
	d := l.d
	if object >= 0 && d.Entities[object].Type == string(schema.Location) && d.Entities[object].Place != nil {
		return d.Entities[object].Place, object, SourceText, true
	}
	s := d.Sentences[si]
	pivot := s.Start
	if trigger > 0 {
		pivot = trigger - 1
	}
	best, bestScore := -1, 0
	for _, m := range l.places[si] {
		if m.Entity == subject {
			continue
		}
		score := 2 * len(d.Tokens) // nearer scores higher
		score -= abs(m.Start - pivot)
		if m.Start > s.Start && locative(d.Tokens[m.Start-1].Text) {
			score += 4 * len(d.Tokens)
		}
		if best < 0 || score > bestScore {
			best, bestScore = m.Entity, score
		}
	}
	if best >= 0 {
		return d.Entities[best].Place, best, SourceText, true
	}
	for _, m := range l.countries[si] {
		// The state's name ("in Somalia"), not a demonym ("on North
		// Korean television").
		if _, named := l.t.s.Country(d.Text[d.Tokens[m.Start].Start:d.Tokens[m.End-1].End]); !named {
			continue
		}
		if m.Entity != subject && m.Start > s.Start && inside(d.Tokens[m.Start-1].Text) {
			if p, ok := l.t.countryPlace(d.Entities[m.Entity].Name, d.Entities[m.Entity].Country); ok {
				return p, m.Entity, SourceText, true
			}
		}
	}
	if object >= 0 && d.Entities[object].Type == string(schema.Country) && force(cameo) {
		if p, ok := l.t.countryPlace(d.Entities[object].Name, d.Entities[object].Country); ok {
			return p, object, SourceText, true
		}
	}
	for back := 1; back <= contextBefore; back++ {
		if ms := l.places[max(si-back, 0)]; si-back >= 0 && len(ms) > 0 {
			e := ms[len(ms)-1].Entity
			return d.Entities[e].Place, e, SourceContext, true
		}
	}
	for next := 1; next <= contextAfter; next++ {
		if si+next < len(l.places) && len(l.places[si+next]) > 0 {
			e := l.places[si+next][0].Entity
			return d.Entities[e].Place, e, SourceContext, true
		}
	}
	if d.Dateline != nil {
		return d.Dateline, -1, SourceDateline, true
	}
	return nil, -1, "", false
}

// force reports whether CAMEO code cameo is an act of force on a
// territory: assault, fight, mass violence (roots 18-20).
func force(cameo string) bool {
	return strings.HasPrefix(cameo, "18") || strings.HasPrefix(cameo, "19") || strings.HasPrefix(cameo, "20")
}

// inside reports whether w is a preposition that puts an event inside a
// state ("in Somalia", "across Ukraine").
func inside(w string) bool {
	switch strings.ToLower(w) {
	case "in", "inside", "across", "into", "throughout", "within":
		return true
	}
	return false
}

// locative reports whether w is a preposition of place.
func locative(w string) bool {
	switch strings.ToLower(w) {
	case "in", "near", "at", "outside", "around", "inside", "across", "into", "on", "over", "from":
		return true
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
