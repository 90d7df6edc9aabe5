// Package export turns a kg graph into a table for conflict researchers: one
// row per CAMEO-coded event, with the columns of the GDELT 2.0 event table in
// GDELT's order, followed by kg's own columns (docs/export.md).
//
// Events selects and codes the rows; Write prints them as tab-separated
// values (like GDELT's files) or as CSV. Actor codes are composed as GDELT
// composes them, from what the graph holds: an entity's type and country, the
// organization and government-body gazetteers of package schema, a person's
// AFFILIATION relation and role, and the head noun of an unnamed group.
package export

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/geo"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// relRelatedTo is the relation type of open relations, which carry no code.
const relRelatedTo = "RELATED_TO"

// Options select the events.
type Options struct {
	// IncludeNegated keeps negated events ("did not attack"); by default
	// they are left out, since GDELT records only events that happened.
	IncludeNegated bool
	// Gazetteer, when not nil, gives located events GDELT's country
	// (FIPS 10-4) and first-level division codes and full place names.
	Gazetteer *geo.Gazetteer
}

// EventRow is one exported event. String fields hold the column values
// (an empty string is an empty cell); Record formats the row.
type EventRow struct {
	// GlobalEventID is derived from the relation id (see eventID).
	GlobalEventID uint64
	// Day (YYYYMMDD), MonthYear (YYYYMM), Year (YYYY) and FractionDate
	// (YYYY.FFFF) give the event's date at the precision kg knows it: a
	// date known only to the month fills MonthYear and Year.
	Day, MonthYear, Year, FractionDate string

	Actor1, Actor2 Actor

	// IsRootEvent is true for an event of the article's first sentence.
	IsRootEvent bool
	// EventCode is the CAMEO code; EventBaseCode its first three digits and
	// EventRootCode its first two.
	EventCode, EventBaseCode, EventRootCode string
	QuadClass                               int
	GoldsteinScale                          float64

	// NumMentions counts the exported events of the graph with the same
	// actors, code, date and polarity; NumArticles the documents stating
	// them and NumSources those documents' distinct sources (URL hosts).
	NumMentions, NumSources, NumArticles int

	// Actor1Geo and Actor2Geo locate the actors where kg knows their
	// place (actorGeo); ActionGeo locates the event: where the workspace
	// says it happened (relations.csv's place columns), else at its target
	// when that is a place (name and type only).
	Actor1Geo, Actor2Geo, ActionGeo Geo

	// DateAdded is the document's publication date as YYYYMMDDHHMMSS.
	DateAdded string
	// SourceURL is the document's URL, else its path.
	SourceURL string

	// The kg columns.
	RelationID string  // the relation's id in the workspace
	Relation   string  // relation type: ATTACKS, SUPPLIES ...
	Predicate  string  // the normalized verb phrase
	Sentence   string  // the sentence that states the event
	Confidence float64 // 0..1
	DocumentID string
	Date       string // the relation's ISO date as kg stores it (2022-02-24, 2022-W10, 2022-03, 2022)
	Modality   string // asserted, possible, future, conditional
	Negated    bool
}

// Events returns one row per CAMEO-coded event relation of g: relations with
// a CAMEO code other than RELATED_TO, without negated ones unless
// opts.IncludeNegated. Rows are sorted by date (undated first), document,
// sentence and relation id. A relation date that is none of kg's ISO forms
// is an error.
func Events(ctx context.Context, g graph.Graph, s *schema.Schema, opts Options) ([]EventRow, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("export events: %w", err)
	}
	docs := make(map[string]graph.Document, len(g.Documents))
	for _, d := range g.Documents {
		docs[d.ID] = d
	}
	var rels []graph.Relation
	for _, r := range g.Relations {
		if r.Static() || r.Relation == relRelatedTo || r.Negated && !opts.IncludeNegated {
			continue
		}
		rels = append(rels, r)
	}
	slices.SortFunc(rels, func(a, b graph.Relation) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.DocumentID, b.DocumentID),
			cmp.Compare(a.SentenceIndex, b.SentenceIndex), cmp.Compare(a.ID, b.ID))
	})

	counts := countEvents(rels, docs)
	c := newCoder(s, g)
	rows := make([]EventRow, 0, len(rels))
	for _, r := range rels {
		day, monthYear, year, fraction, err := eventDate(r.Date)
		if err != nil {
			return nil, fmt.Errorf("export events: relation %s: %w", r.ID, err)
		}
		d := docs[r.DocumentID]
		n := counts[keyOf(r)]
		row := EventRow{
			GlobalEventID: eventID(r.ID),
			Day:           day, MonthYear: monthYear, Year: year, FractionDate: fraction,
			Actor1:         c.actor(r.SubjectID, r.Subject, r.DocumentID),
			Actor2:         c.actor(r.ObjectID, r.Object, r.DocumentID),
			IsRootEvent:    r.SentenceIndex == 0,
			EventCode:      r.CAMEO,
			EventBaseCode:  r.CAMEO[:min(3, len(r.CAMEO))],
			EventRootCode:  r.CAMEO[:min(2, len(r.CAMEO))],
			QuadClass:      r.QuadClass,
			GoldsteinScale: r.Goldstein,
			NumMentions:    n.mentions, NumSources: len(n.sources), NumArticles: len(n.articles),
			DateAdded:  dateAdded(d.Published),
			SourceURL:  cmp.Or(d.URL, d.Path),
			RelationID: r.ID, Relation: r.Relation, Predicate: r.Predicate, Sentence: r.Sentence,
			Confidence: r.Confidence, DocumentID: r.DocumentID, Date: r.Date, Modality: r.Modality,
			Negated: r.Negated,
		}
		row.ActionGeo = c.actionGeo(r, opts.Gazetteer)
		row.Actor1Geo = c.actorGeo(r.SubjectID, opts.Gazetteer)
		row.Actor2Geo = c.actorGeo(r.ObjectID, opts.Gazetteer)
		rows = append(rows, row)
	}
	return rows, nil
}

// eventKey identifies one event across articles: GDELT merges the mentions
// of the same actors doing the same thing on the same day.
type eventKey struct {
	subject, object, code, date string
	negated                     bool
}

func keyOf(r graph.Relation) eventKey {
	return eventKey{r.SubjectID, r.ObjectID, r.CAMEO, r.Date, r.Negated}
}

// eventCount is what the graph says about one eventKey.
type eventCount struct {
	mentions int
	articles map[string]bool // document ids
	sources  map[string]bool // sourceOf each document
}

// countEvents counts the mentions, articles and sources of each event.
func countEvents(rels []graph.Relation, docs map[string]graph.Document) map[eventKey]*eventCount {
	counts := map[eventKey]*eventCount{}
	for _, r := range rels {
		k := keyOf(r)
		n := counts[k]
		if n == nil {
			n = &eventCount{articles: map[string]bool{}, sources: map[string]bool{}}
			counts[k] = n
		}
		n.mentions++
		n.articles[r.DocumentID] = true
		n.sources[sourceOf(r.DocumentID, docs[r.DocumentID])] = true
	}
	return counts
}

// sourceOf names the outlet of a document: its URL's host without "www.",
// or, for a document without a URL, the document itself.
func sourceOf(id string, d graph.Document) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "document " + id
}

// eventID derives a GlobalEventID from a relation id: the first 52 bits of
// the SHA-256 of the id, so that it is exact in a float64 (spreadsheets,
// JavaScript) and stable across runs.
func eventID(relationID string) uint64 {
	sum := sha256.Sum256([]byte(relationID))
	return binary.BigEndian.Uint64(sum[:8]) >> 12
}

// eventDate returns the date columns of an ISO date written by kg at day,
// week, month or year precision. A week is placed in the month and year of
// its Thursday, as ISO 8601 places weeks in years. FractionDate follows
// GDELT: year + (month*30 + day)/365, only for a full date.
func eventDate(date string) (day, monthYear, year, fraction string, err error) {
	if date == "" {
		return "", "", "", "", nil
	}
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		f := float64(t.Year()) + float64(int(t.Month())*30+t.Day())/365
		return t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(f, 'f', 4, 64), nil
	}
	if t, err := time.Parse("2006-01", date); err == nil {
		return "", t.Format("200601"), t.Format("2006"), "", nil
	}
	if y, w, ok := strings.Cut(date, "-W"); ok && len(y) == 4 && len(w) == 2 {
		yn, err1 := strconv.Atoi(y)
		wn, err2 := strconv.Atoi(w)
		if err1 == nil && err2 == nil && wn >= 1 && wn <= 53 {
			thursday := isoWeekMonday(yn, wn).AddDate(0, 0, 3)
			if ty, tw := thursday.ISOWeek(); ty == yn && tw == wn {
				return "", thursday.Format("200601"), thursday.Format("2006"), "", nil
			}
		}
	}
	if len(date) == 4 {
		if _, err := strconv.Atoi(date); err == nil {
			return "", "", date, "", nil
		}
	}
	return "", "", "", "", fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY", date)
}

// isoWeekMonday returns the Monday of ISO week w of year y: week 1 is the
// week that holds January 4.
func isoWeekMonday(y, w int) time.Time {
	jan4 := time.Date(y, time.January, 4, 0, 0, 0, 0, time.UTC)
	back := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -back+7*(w-1))
}

// dateAdded returns DATEADDED for a publication date (YYYY-MM-DD): kg knows
// no time of day, so it is midnight. Other values give "".
func dateAdded(published string) string {
	t, err := time.Parse(time.DateOnly, published)
	if err != nil {
		return ""
	}
	return t.Format("20060102") + "000000"
}

// Geo is GDELT's description of a location. Type is 0 and the strings
// empty when unknown.
type Geo struct {
	// Type is GDELT's geographic type: 1 country, 2 US state, 3 US city,
	// 4 world city, 5 world state (a first-level division).
	Type        int
	FullName    string // "Kharkiv, Kharkivska oblast, Ukraine"
	CountryCode string // FIPS 10-4, as GDELT writes countries
	ADM1Code    string // FIPS country code + GeoNames admin-1 code ("UP07")
	Lat, Long   string // WGS84 degrees
	FeatureID   string // GeoNames id
}

// actionGeo locates an event: at the place the workspace gives it, with
// the gazetteer's codes and names when one is given; else at its target
// when that is a place, by kg's place list (GDELT's type and the place's
// name with its country, "Kharkiv, Ukraine").
func (c *coder) actionGeo(r graph.Relation, gaz *geo.Gazetteer) Geo {
	if r.PlaceGeo != nil {
		return pointGeo(r.Place, r.PlaceGeo, gaz)
	}
	e, ok := c.entities[r.ObjectID]
	if !ok || schema.EntityType(e.Type) != schema.Location {
		return Geo{}
	}
	return c.listedPlaceGeo(e)
}

// actorGeo locates an actor where kg knows its place: a place actor
// ("Kharkiv" shelled, "Saada" as a side) at its own point, a state at its
// centroid as GDELT's country-level type 1; a place without a point by
// kg's place list, as actionGeo does. Other actors (people, groups,
// armed forces) have no location of their own in kg: their nationality
// is not where they act, so their columns stay empty.
func (c *coder) actorGeo(id string, gaz *geo.Gazetteer) Geo {
	e, ok := c.entities[id]
	switch {
	case !ok:
		return Geo{}
	case e.Geo != nil:
		return pointGeo(e.Name, e.Geo, gaz)
	case schema.EntityType(e.Type) == schema.Country && gaz != nil:
		if ci, ok := gaz.Country(e.Country); ok {
			return countryGeo(ci)
		}
	case schema.EntityType(e.Type) == schema.Location:
		return c.listedPlaceGeo(e)
	}
	return Geo{}
}

// countryGeo is GDELT's country-level location: type 1, the country's
// centroid, its FIPS code as division and feature id.
func countryGeo(ci geo.Country) Geo {
	return Geo{Type: 1, FullName: ci.Name, CountryCode: ci.FIPS, ADM1Code: ci.FIPS, FeatureID: ci.FIPS,
		Lat: strconv.FormatFloat(ci.Lat, 'f', 5, 64), Long: strconv.FormatFloat(ci.Lon, 'f', 5, 64)}
}

// pointGeo is the location of a point the workspace gives (a place's or
// an event's), with the gazetteer's codes and names when one is given.
func pointGeo(name string, pg *graph.Geo, gaz *geo.Gazetteer) Geo {
	g := Geo{FullName: name, Lat: strconv.FormatFloat(pg.Lat, 'f', 5, 64),
		Long: strconv.FormatFloat(pg.Lon, 'f', 5, 64), FeatureID: strconv.FormatUint(uint64(pg.GeoNamesID), 10)}
	if pg.GeoNamesID == 0 {
		// No GeoNames feature: an airport, at GDELT's city level, or a
		// region made of divisions (geo.Gazetteer.Region), at its
		// division level.
		g.FeatureID = ""
		switch pg.FeatureClass {
		case string(geo.ClassSpot):
			g.Type = 4
		case string(geo.ClassRegion):
			g.Type = 5
		}
		return g
	}
	if gaz == nil {
		return g
	}
	p, ok := gaz.ByID(pg.GeoNamesID)
	if !ok {
		if ci, ok := gaz.CountryByID(pg.GeoNamesID); ok {
			g = countryGeo(ci)
			g.Lat, g.Long = strconv.FormatFloat(pg.Lat, 'f', 5, 64), strconv.FormatFloat(pg.Lon, 'f', 5, 64)
		}
		return g
	}
	g.FullName, g.ADM1Code = gaz.FullName(p), gaz.ADM1Code(p)
	if ci, ok := gaz.Country(p.ISO3); ok {
		g.CountryCode = ci.FIPS
	}
	us := p.ISO3 == "USA"
	switch {
	case p.Class == geo.ClassPopulated && us:
		g.Type = 3
	case p.Class == geo.ClassPopulated:
		g.Type = 4
	case us:
		g.Type = 2
	default:
		g.Type = 5
	}
	return g
}

// listedPlaceGeo locates a place without a point by kg's place list:
// GDELT's type and the place's name with its country.
func (c *coder) listedPlaceGeo(e graph.Entity) Geo {
	name := e.Name
	country := e.Country
	var class string
	if p, ok := c.s.Place(e.Name); ok {
		country = cmp.Or(country, p.Country)
		class = p.Class
	}
	if ci, ok := c.s.CountryByISO3(country); ok {
		name += ", " + ci.Name
	}
	us := country == "USA"
	// A region within one country (Donbas) counts as a first-level
	// division; seas, facilities and multi-state regions have no type.
	adm1 := class == "province" || class == "region" && country != ""
	switch {
	case class == "city" && us:
		return Geo{Type: 3, FullName: name}
	case class == "city":
		return Geo{Type: 4, FullName: name}
	case adm1 && us:
		return Geo{Type: 2, FullName: name}
	case adm1:
		return Geo{Type: 5, FullName: name}
	}
	return Geo{FullName: name}
}
