// Package toponym finds the place names of a document that kg's other
// sources miss and resolves every place to an entry of the world gazetteer
// (package geo), so that places carry coordinates and events a location.
//
// Recognition (Spans, called by package resolve for each sentence): a run
// of capitalized words in a place frame — after "in", "near", "outside",
// "around", "into", "across", "through", "toward", after "the town of",
// "the province of", "north of", "outskirts of", "km from", before a
// division noun ("Alibori department") or an apposition naming a kind of
// place ("Sake, a town west of Goma") — that the gazetteer knows, unless its words are common English words written with
// a capital ("Police", "Mobile", "Bar"), month or weekday names.
//
// Resolution (the Stage): each Location entity to one gazetteer entry,
// among homonyms by the country kg's place list gives it, the states the
// article names, the class its name says ("province", "city"), nearness to
// the article's other places and population (geo.Gazetteer.Resolve); the
// dateline's city likewise.
//
// Event location (EventPlace): the place an event happened.
//
// docs/geo.md describes the rules and their measured effect.
package toponym

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/wordcluster"
	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/schema"
)

// Toponyms recognizes and resolves places. It is read-only and safe for
// concurrent use.
type Toponyms struct {
	g     *geo.Gazetteer
	s     *schema.Schema
	words *wordcluster.Clusters
}

// New returns a Toponyms over gazetteer g, reading country names in s and
// telling common words by their frequency in words.
func New(g *geo.Gazetteer, s *schema.Schema, words *wordcluster.Clusters) *Toponyms {
	return &Toponyms{g: g, s: s, words: words}
}

// Name implements nlp.Stage.
func (t *Toponyms) Name() string { return "toponym" }

// maxNameTokens bounds a recognized name ("Mocimboa da Praia" is 3).
const maxNameTokens = 6

// Spans returns the token ranges of sentence s that name places in a
// place frame, among the tokens for which covered is false.
func (t *Toponyms) Spans(d *nlp.Document, s nlp.Sentence, covered func(k int) bool) [][2]int {
	var out [][2]int
	for k := s.Start; k < s.End; k++ {
		if covered(k) || !capitalized(d.Tokens[k].Text) {
			continue
		}
		end := nameRun(d, s, k, covered)
		strong, before := false, false
		if k > s.Start {
			strong, before = frame(d, s, k)
		}
		after := divisionAfter(d, s, end)
		for j := end; j > k && (before || after && j == end); j-- {
			if !capitalized(d.Tokens[j-1].Text) {
				continue
			}
			if t.g.Known(d.Text[d.Tokens[k].Start:d.Tokens[j-1].End]) && t.plausible(d, k, j, strong || after) {
				out = append(out, [2]int{k, j})
				break
			}
		}
		k = end - 1
	}
	return out
}

// divisionAfter reports whether the words from token end say that the
// name before them is a place: a division noun ("Alibori department") or
// an apposition naming a kind of place ("Sake, a town west of Goma").
func divisionAfter(d *nlp.Document, s nlp.Sentence, end int) bool {
	if end >= s.End {
		return false
	}
	switch strings.ToLower(d.Tokens[end].Text) {
	case "department", "province", "region", "governorate", "district", "county", "prefecture", "oblast", "municipality":
		return true
	case ",":
		if end+2 >= s.End {
			return false
		}
		switch strings.ToLower(d.Tokens[end+1].Text) {
		case "a", "the":
		default:
			return false
		}
		// One modifier may come between: "a small town", "the northern city".
		for j := end + 2; j < min(end+4, s.End); j++ {
			switch strings.ToLower(d.Tokens[j].Text) {
			case "town", "city", "village", "district", "province", "region", "port":
				return true
			}
		}
	}
	return false
}

// frame reports whether token k follows words that introduce a place, and
// whether they can only introduce one (strong: "the town of", a place noun
// and "of") rather than usually do ("in", "near").
func frame(d *nlp.Document, s nlp.Sentence, k int) (strong, ok bool) {
	prev := strings.ToLower(d.Tokens[k-1].Text)
	before := ""
	if k-2 >= s.Start {
		before = strings.ToLower(d.Tokens[k-2].Text)
	}
	switch prev {
	case "in", "near", "outside", "around", "into", "across", "through", "toward", "towards":
		return false, true
	case "of":
		switch {
		case placeNoun(before):
			return true, true
		case compassWord(before) || before == "outskirts":
			return false, true
		}
	case "from":
		switch before {
		case "km", "kilometers", "kilometres", "miles":
			return false, true
		}
	}
	return false, false
}

// placeNoun reports whether w names a kind of place ("the town of X").
func placeNoun(w string) bool {
	switch w {
	case "city", "town", "village", "villages", "port", "district", "province", "region", "governorate",
		"county", "municipality", "commune", "locality", "suburb", "neighbourhood", "neighborhood", "state":
		return true
	}
	return false
}

func compassWord(w string) bool {
	switch w {
	case "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest":
		return true
	}
	return false
}

// nameRun returns the end of the run of name words starting at k:
// capitalized words, joined by hyphens written without spaces
// ("El-Baraf") or lower-case name particles ("Mocimboa da Praia").
func nameRun(d *nlp.Document, s nlp.Sentence, k int, covered func(int) bool) int {
	j := k
	for j < s.End && j-k < maxNameTokens && !covered(j) {
		tok := d.Tokens[j]
		switch {
		case capitalized(tok.Text):
		case j > k && j+1 < s.End && (inWordHyphen(d, j) || particle(tok.Text)) &&
			capitalized(d.Tokens[j+1].Text):
		default:
			return j
		}
		j++
	}
	return j
}

// particle reports whether w is a lower-case word inside place names.
func particle(w string) bool {
	switch w {
	case "al", "el", "de", "da", "do", "du", "del", "la", "le", "bin", "ibn", "ul", "an", "ad", "as", "ash":
		return true
	}
	return false
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// plausible reports whether tokens [k, j) name a place rather than
// something else written with capitals: not an acronym of three letters
// or less, no month or weekday, and not made only of common words — in a
// weak frame any common word, in a strong one a function word.
func (t *Toponyms) plausible(d *nlp.Document, k, j int, strong bool) bool {
	if j-k == 1 {
		w := d.Tokens[k].Text
		if utf8.RuneCountInString(w) <= 3 && strings.ToUpper(w) == w {
			return false
		}
	}
	allCommon := true
	for i := k; i < j; i++ {
		w := d.Tokens[i].Text
		if !capitalized(w) {
			continue
		}
		if calendarWord(w) {
			return false
		}
		if !t.common(w, strong) {
			allCommon = false
		}
	}
	return !allCommon
}

// functionWords is the frequency rank within which a word is a function
// word or a very common one ("of", "the", "new"), never a name alone.
const functionWords = 300

// common reports whether w, written with a capital, is an English word
// more often than a name: its lower case is more frequent in the word
// table (within functionWords when only function words count).
func (t *Toponyms) common(w string, onlyFunctionWords bool) bool {
	lower := t.words.Rank(strings.ToLower(w))
	if lower == 0 {
		return false
	}
	if onlyFunctionWords {
		return lower <= functionWords
	}
	asWritten := t.words.Rank(w)
	return asWritten == 0 || lower < asWritten
}

// calendarWord reports whether w is a month or weekday name ("in March").
func calendarWord(w string) bool {
	for m := time.January; m <= time.December; m++ {
		if strings.EqualFold(w, m.String()) {
			return true
		}
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if strings.EqualFold(w, wd.String()) {
			return true
		}
	}
	return false
}

// nearConfidence is the confidence from which a resolved place helps its
// neighbours choose among their homonyms.
const nearConfidence = 0.8

// Process implements nlp.Stage: it resolves the dateline and every
// Location entity, twice, the second time near the places the first
// resolved with confidence.
func (t *Toponyms) Process(ctx context.Context, d *nlp.Document) error {
	c := geo.Context{Countries: articleCountries(d)}
	if p, ok := t.dateline(d, c); ok {
		d.Dateline = p
		c.Countries[p.Country] = 1
	}
	for pass := range 2 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if pass == 1 {
			for _, e := range d.Entities {
				if e.Place != nil && e.Place.Confidence >= nearConfidence {
					c.Near = append(c.Near, geo.Point{Lat: e.Place.Lat, Lon: e.Place.Lon})
				}
			}
			if len(c.Near) == 0 {
				break
			}
		}
		for i := range d.Entities {
			e := &d.Entities[i]
			if e.Type != string(schema.Location) {
				continue
			}
			near := c
			if e.Place != nil && e.Place.Confidence >= nearConfidence {
				near.Near = withoutPoint(c.Near, geo.Point{Lat: e.Place.Lat, Lon: e.Place.Lon})
			}
			if p, ok := t.resolveEntity(e, near); ok {
				e.Place = p
			}
		}
	}
	for i := range d.Entities {
		if e := &d.Entities[i]; e.Place != nil && e.Country == "" {
			e.Country = e.Place.Country
		}
	}
	return nil
}

// withoutPoint returns ps less one copy of p (a place is not its own neighbour).
func withoutPoint(ps []geo.Point, p geo.Point) []geo.Point {
	for i, q := range ps {
		if q == p {
			return append(append([]geo.Point(nil), ps[:i]...), ps[i+1:]...)
		}
	}
	return ps
}

// articleCountries weighs the states of the article by their mentions
// (a mention of an actor of the state counts half), the most mentioned 1.
func articleCountries(d *nlp.Document) map[string]float64 {
	w := map[string]float64{}
	for _, m := range d.Mentions {
		if m.Entity < 0 {
			continue
		}
		switch e := d.Entities[m.Entity]; {
		case e.Country == "":
		case e.Type == string(schema.Country):
			w[e.Country]++
		default:
			w[e.Country] += 0.5
		}
	}
	var most float64
	for _, v := range w {
		most = max(most, v)
	}
	for k, v := range w {
		w[k] = v / most
	}
	return w
}

// possessiveDiscount lowers the confidence of a place read from the
// possessor of a longer name ("Saada's Old Quarter" at Saada).
const possessiveDiscount = 0.8

// minConfidence is the least confidence of a kept reading: a GIS reader
// is better served by no point than by a guess among far-apart homonyms
// in states the article does not name ("Kel" in Chad for a village of
// Kashmir).
const minConfidence = 0.4

// facilityDiscount lowers the confidence of a facility placed at the town
// it is named after ("Istanbul Airport" at Istanbul), partDiscount that
// of a part of a place placed at the whole ("eastern Aleppo").
const (
	facilityDiscount = 0.7
	partDiscount     = 0.8
)

// resolveEntity resolves a Location by its name, then by its aliases,
// within what kg's own place list says of it: a city is a town, a
// province a division, the country is the listed one; a facility stands
// at the town it is named after, with a lower confidence; seas and
// regions of several states are no gazetteer entry.
func (t *Toponyms) resolveEntity(e *nlp.Entity, c geo.Context) (*nlp.Place, bool) {
	if !capitalized(e.Name) {
		return nil, false // "the port", "the airport": a description
	}
	var class byte
	facility := false
	if p, ok := t.s.Place(e.Name); ok {
		switch {
		case p.Class == "city":
			class = geo.ClassPopulated
		case p.Class == "province":
			class = geo.ClassAdmin
		case p.Class == "facility" && p.Country != "":
			class, facility = geo.ClassPopulated, true
		case p.Class != "region" || p.Country == "":
			return nil, false
		}
	}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for i, r := range readings(n) {
			if r.inState && e.Country == "" {
				continue
			}
			h := r.hint
			h.ISO3 = e.Country
			if class != 0 {
				h.Class = class
			}
			if facility && i == 0 {
				r.factor *= facilityDiscount // the later readings of a facility are discounted already
			}
			if m, ok := t.g.Resolve(r.name, h, c); ok {
				p := place(e.Name, m, r.factor)
				if p.Confidence < minConfidence {
					return nil, false
				}
				return p, true
			}
		}
	}
	return nil, false
}

// reading is a name the gazetteer may know for a place name, what the
// place name says of its class, and how sure the reading is.
type reading struct {
	name   string
	hint   geo.Hint
	factor float64
	// inState is set for a reading that means nothing outside the state
	// kg's place list gives the place: it is not tried without one.
	inState bool
}

// readings are the names to look up for place name n, surest first: the
// name as readName reads it, then, for a facility ("Mitiga International
// Airport", "Garacad Port"), the town it is named after, and for a part
// ("eastern Aleppo", "Northern Kivu" when the whole name is unknown), the
// whole.
func readings(n string) []reading {
	name, h, factor := readName(n)
	h.Loose = h.Class != 0 // "Nehim district": a place, even in a spelling the gazetteer lacks
	out := []reading{{name: name, hint: h, factor: factor}}
	words := strings.Fields(name)
	i := len(words)
	for i > 1 && facilityWords[strings.ToLower(words[i-1])] {
		i--
	}
	if i < len(words) {
		out = append(out, reading{name: strings.Join(words[:i], " "), hint: geo.Hint{Class: geo.ClassPopulated}, factor: factor * facilityDiscount})
	}
	if len(words) > 1 && directionWords[strings.ToLower(words[0])] {
		out = append(out, reading{name: strings.Join(words[1:], " "), hint: h, factor: factor * partDiscount})
	}
	if len(words) > 1 && compassWord(strings.ToLower(words[0])) {
		// "South Lebanon": the division of the place's state that the
		// compass word names (Lebanon's South governorate).
		out = append(out, reading{name: words[0], hint: geo.Hint{Class: geo.ClassAdmin}, factor: factor * partDiscount, inState: true})
	}
	return out
}

// facilityWords end the name of a facility named after a town; the name
// before them is the town's.
var facilityWords = map[string]bool{
	"airport": true, "airfield": true, "airbase": true, "base": true, "port": true, "harbour": true, "harbor": true,
	"camp": true, "prison": true, "hospital": true, "university": true, "stadium": true, "bridge": true, "dam": true,
	"crossing": true, "checkpoint": true, "refinery": true, "plant": true, "barracks": true, "station": true,
	"international": true, "air": true, "naval": true, "military": true, "nuclear": true, "power": true, "border": true,
	"refugee": true, "border-crossing": true, "park": true, "national": true,
}

// directionWords open the name of a part of a place ("eastern Aleppo").
var directionWords = map[string]bool{
	"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-eastern": true, "north-western": true, "south-eastern": true, "south-western": true,
	"upper": true, "lower": true, "greater": true,
}

// readName splits what a place name says about its class from the name
// the gazetteer knows: "Kandahar province" is the division Kandahar,
// "the city of Goma" the town Goma, "Saada's Old Quarter" lies in Saada
// (with a lower confidence).
func readName(n string) (name string, h geo.Hint, factor float64) {
	factor = 1
	if i := strings.Index(n, "'s "); i > 0 {
		n, factor = n[:i], possessiveDiscount
	} else if i := strings.Index(n, "’s "); i > 0 {
		n, factor = n[:i], possessiveDiscount
	}
	words := strings.Fields(n)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) > 2 && strings.EqualFold(words[len(words)-2], "of") && placeNoun(strings.ToLower(words[len(words)-3])) {
		h.Class = classOf(words[len(words)-3])
		words = words[len(words)-1:]
	} else if len(words) > 1 {
		switch last := strings.ToLower(words[len(words)-1]); {
		case classOf(last) != 0:
			h.Class = classOf(last)
			words = words[:len(words)-1]
		case last == "area":
			words = words[:len(words)-1] // a part of a town or division of that name
		}
	}
	return strings.Join(words, " "), h, factor
}

// classOf is the gazetteer class a place noun names, 0 for another word.
func classOf(w string) byte {
	switch strings.ToLower(w) {
	case "province", "region", "governorate", "state", "division", "oblast", "prefecture",
		"district", "zone", "county", "department", "municipality":
		return geo.ClassAdmin
	case "city", "town", "village":
		return geo.ClassPopulated
	}
	return 0
}

func place(name string, m geo.Match, factor float64) *nlp.Place {
	return &nlp.Place{Name: name, GeoNamesID: m.GeoNamesID(), Lat: m.Lat, Lon: m.Lon, FeatureClass: string(m.Class),
		Country: m.ISO3, Confidence: float64(int(m.Confidence*factor*100+0.5)) / 100}
}

// datelineDiscount lowers the confidence of a dateline's city, which is
// written in capitals without context.
const datelineDiscount = 0.9

// datelineSentences is how many sentences from the start a dateline may
// open (a headline or two may come first).
const datelineSentences = 3

// dateline resolves the city of the article's dateline, the opening of
// one of its first sentences: a city in capitals and a dash ("KHARTOUM
// -"), or a city (in capitals or not), perhaps its state or region and a
// date after commas, and the agency in parentheses before a dash
// ("BANGUI, Dec 21 (Reuters) –", "PORT SUDAN, Sudan (AP) -", "Dhaka, Oct
// 31 (EFE).-", "MOSCOW/KYIV (Reuters) -": the first city). A state
// after the comma is a hint.
func (t *Toponyms) dateline(d *nlp.Document, c geo.Context) (*nlp.Place, bool) {
	for si := range min(datelineSentences, len(d.Sentences)) {
		if p, ok := t.datelineAt(d, d.Sentences[si], c); ok {
			return p, true
		}
	}
	return nil, false
}

// datelineReach is how many tokens may come between a dateline's city and
// the agency's parentheses (state, date, second city).
const datelineReach = 10

func (t *Toponyms) datelineAt(d *nlp.Document, s nlp.Sentence, c geo.Context) (*nlp.Place, bool) {
	end := s.Start
	for end < s.End && (isCapsWord(d.Tokens[end].Text) || end > s.Start && inWordHyphen(d, end)) {
		end++
	}
	caps := end > s.Start
	if !caps {
		for end < s.End && capitalized(d.Tokens[end].Text) && end-s.Start < maxNameTokens {
			end++
		}
	}
	if end == s.Start || end >= s.End {
		return nil, false
	}
	var h geo.Hint
	j := end
	if caps && dash(d.Tokens[j].Text) {
		j = -1 // "KHARTOUM -"
	}
	for ; j >= 0 && j < min(s.End, end+datelineReach); j++ {
		tx := d.Tokens[j].Text
		if tx == "," && h.ISO3 == "" {
			k := j + 1
			for k < s.End && capitalized(d.Tokens[k].Text) {
				k++
			}
			if k > j+1 {
				if ci, ok := t.s.Country(d.Text[d.Tokens[j+1].Start:d.Tokens[k-1].End]); ok {
					h.ISO3 = ci.ISO3
				}
			}
			continue
		}
		if tx != "(" {
			continue
		}
		k := j + 1
		for k < min(s.End, j+5) && d.Tokens[k].Text != ")" {
			k++
		}
		if k+1 >= s.End || d.Tokens[k].Text != ")" {
			return nil, false
		}
		next := d.Tokens[k+1].Text
		if next == "." && k+2 < len(d.Tokens) && !d.Tokens[k+1].SpaceAfter {
			next = d.Tokens[k+2].Text // "(EFE).-", perhaps split into two sentences
		}
		if !dash(next) && !strings.HasPrefix(next, "-") {
			return nil, false
		}
		j = -1
		break
	}
	if j >= 0 {
		return nil, false
	}
	if m, ok := t.g.Resolve(d.Text[d.Tokens[s.Start].Start:d.Tokens[end-1].End], h, c); ok {
		return place(m.Name, m, datelineDiscount), true
	}
	return nil, false
}

// dash reports whether w is a dash as datelines write it.
func dash(w string) bool {
	switch w {
	case "-", "—", "–", ".-", "--":
		return true
	}
	return false
}

// isCapsWord reports whether w is a word in capitals.
func isCapsWord(w string) bool {
	return strings.ContainsFunc(w, unicode.IsLetter) && strings.ToUpper(w) == w
}

// inWordHyphen reports whether token k is a hyphen written without spaces
// between two words ("PORT-AU-PRINCE", "El-Baraf").
func inWordHyphen(d *nlp.Document, k int) bool {
	return d.Tokens[k].Text == "-" && !d.Tokens[k-1].SpaceAfter && !d.Tokens[k].SpaceAfter
}
