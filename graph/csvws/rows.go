package csvws

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph"
)

// The row types fix each file's columns and their order: gocsv writes the
// header from the csv tags. Every cell is a string so that this package
// alone decides how values are formatted, neutralized and parsed.

type documentRow struct {
	ID        string `csv:"id"`
	Path      string `csv:"path"`
	Title     string `csv:"title"`
	URL       string `csv:"url"`
	Published string `csv:"published"`
	SHA256    string `csv:"sha256"`
	Sentences string `csv:"sentences"`
}

type entityRow struct {
	ID        string `csv:"id"`
	Type      string `csv:"type"`
	Name      string `csv:"name"`
	Aliases   string `csv:"aliases"`
	Country   string `csv:"country"`
	Mentions  string `csv:"mentions"`
	Documents string `csv:"documents"`
	Roles     string `csv:"roles"`
	FirstSeen string `csv:"first_seen"`
	// The gazetteer columns were added after the others: a file written
	// before them lacks them and reads with no place entries.
	GeoNamesID    string `csv:"geonames_id" since:"geo"`
	Lat           string `csv:"lat"`
	Lon           string `csv:"lon"`
	FeatureClass  string `csv:"feature_class"`
	GeoConfidence string `csv:"geo_confidence"`
}

type relationRow struct {
	ID            string `csv:"id"`
	SubjectID     string `csv:"subject_id"`
	Subject       string `csv:"subject"`
	Predicate     string `csv:"predicate"`
	Relation      string `csv:"relation"`
	ObjectID      string `csv:"object_id"`
	Object        string `csv:"object"`
	CAMEO         string `csv:"cameo"`
	QuadClass     string `csv:"quad_class"`
	Goldstein     string `csv:"goldstein"`
	Negated       string `csv:"negated"`
	Date          string `csv:"date"`
	DocumentID    string `csv:"document_id"`
	SentenceIndex string `csv:"sentence_index"`
	Sentence      string `csv:"sentence"`
	Confidence    string `csv:"confidence"`
	DateSource    string `csv:"date_source"`
	Modality      string `csv:"modality"`
	Source        string `csv:"source"`
	Role          string `csv:"role"`
	Instrument    string `csv:"instrument"`
	// Rule was added after the other columns: a file written before it
	// lacks the column and reads with empty rules (see lineReader).
	Rule string `csv:"rule" since:"rule"`
	// Where the event happened, added after rule.
	PlaceID         string `csv:"place_id" since:"geo"`
	Place           string `csv:"place"`
	Lat             string `csv:"lat"`
	Lon             string `csv:"lon"`
	PlaceGeoNamesID string `csv:"place_geonames_id"`
	PlaceSource     string `csv:"place_source"`
}

type mentionRow struct {
	EntityID      string `csv:"entity_id"`
	DocumentID    string `csv:"document_id"`
	SentenceIndex string `csv:"sentence_index"`
	Start         string `csv:"start"`
	End           string `csv:"end"`
	Text          string `csv:"text"`
}

// columns returns the csv tags of the row struct v, in field order.
func columns(v any) []string {
	t := reflect.TypeOf(v)
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("csv")
	}
	return out
}

// requiredColumns returns how many leading columns of the row struct v a
// file must have: those before the first field tagged "since", which later
// versions of kg added at the end (older files lack them).
func requiredColumns(v any) int {
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("since") != "" {
			return i
		}
	}
	return t.NumField()
}

// listSep joins aliases and roles in one cell.
const listSep = "|"

// triggers are the characters that make a spreadsheet treat a cell as a
// formula when they start it (OWASP, CSV injection).
const triggers = "=+-@\t\r"

// needsQuote reports whether text cell s is written with a leading "'": when
// it starts with a trigger character, or with "'" followed by a string that
// itself needs one. The second case keeps neutralization reversible: a value
// that really starts with "'=" is written "”=" and read back unchanged.
func needsQuote(s string) bool {
	for strings.HasPrefix(s, "'") {
		s = s[1:]
	}
	return s != "" && strings.ContainsRune(triggers, rune(s[0]))
}

// Neutralize returns text cell s as written to a CSV file: with a leading
// "'" when a spreadsheet would run it as a formula (OWASP CSV injection).
// Every kg command that writes CSV uses it.
func Neutralize(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

// restore undoes neutralize on a text cell read from a file.
func restore(s string) string {
	if strings.HasPrefix(s, "'") && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}

// joinList returns the cell holding list (neutralized). An element containing
// the separator cannot be stored.
func joinList(column string, list []string) (string, error) {
	var kept []string
	for _, s := range list {
		if strings.Contains(s, listSep) {
			return "", fmt.Errorf("%s %q contains %q", column, s, listSep)
		}
		if s != "" {
			kept = append(kept, s)
		}
	}
	return Neutralize(strings.Join(kept, listSep)), nil
}

// splitList parses a cell written by joinList.
func splitList(cell string) []string {
	cell = restore(cell)
	if cell == "" {
		return nil
	}
	return strings.Split(cell, listSep)
}

func formatInt(n int) string { return strconv.Itoa(n) }

func formatBool(b bool) string { return strconv.FormatBool(b) }

// fieldParser parses the cells of one row, keeping the first error.
type fieldParser struct{ err error }

func (p *fieldParser) int(column, cell string) int {
	n, err := strconv.Atoi(cell)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("%s %q is not an integer", column, cell)
	}
	return n
}

// optInt parses an integer cell that may be empty (0).
func (p *fieldParser) optInt(column, cell string) int {
	if cell == "" {
		return 0
	}
	return p.int(column, cell)
}

func (p *fieldParser) float(column, cell string) float64 {
	f, err := strconv.ParseFloat(cell, 64)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("%s %q is not a number", column, cell)
	}
	return f
}

// optFloat parses a number cell that may be empty (0).
func (p *fieldParser) optFloat(column, cell string) float64 {
	if cell == "" {
		return 0
	}
	return p.float(column, cell)
}

func (p *fieldParser) bool(column, cell string) bool {
	switch cell {
	case "true":
		return true
	case "false":
		return false
	}
	if p.err == nil {
		p.err = fmt.Errorf("%s %q is neither true nor false", column, cell)
	}
	return false
}

// id checks that a key column is not empty.
func (p *fieldParser) id(column, cell string) string {
	if cell == "" && p.err == nil {
		p.err = fmt.Errorf("empty %s", column)
	}
	return cell
}

// geoCells formats a gazetteer entry: GeoNames id, latitude, longitude
// (5 decimals, about a metre), feature class and confidence; all empty for none.
func geoCells(g *graph.Geo) (id, lat, lon, class, conf string) {
	if g == nil {
		return
	}
	return strconv.FormatUint(uint64(g.GeoNamesID), 10), strconv.FormatFloat(g.Lat, 'f', 5, 64),
		strconv.FormatFloat(g.Lon, 'f', 5, 64), Neutralize(g.FeatureClass), strconv.FormatFloat(g.Confidence, 'f', 2, 64)
}

// geo parses the cells geoCells wrote; nil when the id is empty.
func (p *fieldParser) geo(id, lat, lon, class, conf string) *graph.Geo {
	if id == "" {
		return nil
	}
	n, err := strconv.ParseUint(id, 10, 32)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("geonames_id %q is not a GeoNames id", id)
	}
	return &graph.Geo{GeoNamesID: uint32(n), Lat: p.float("lat", lat), Lon: p.float("lon", lon),
		FeatureClass: restore(class), Confidence: p.optFloat("geo_confidence", conf)}
}

func documentToRow(d graph.Document) (documentRow, error) {
	return documentRow{
		ID:        Neutralize(d.ID),
		Path:      Neutralize(d.Path),
		Title:     Neutralize(d.Title),
		URL:       Neutralize(d.URL),
		Published: Neutralize(d.Published),
		SHA256:    Neutralize(d.SHA256),
		Sentences: formatInt(d.Sentences),
	}, nil
}

func rowToDocument(r documentRow) (graph.Document, error) {
	var p fieldParser
	d := graph.Document{
		ID:        p.id("id", restore(r.ID)),
		Path:      restore(r.Path),
		Title:     restore(r.Title),
		URL:       restore(r.URL),
		Published: restore(r.Published),
		SHA256:    restore(r.SHA256),
		Sentences: p.int("sentences", r.Sentences),
	}
	return d, p.err
}

func entityToRow(e graph.Entity) (entityRow, error) {
	aliases, err := joinList("alias", e.Aliases)
	if err != nil {
		return entityRow{}, err
	}
	roles, err := joinList("role", e.Roles)
	if err != nil {
		return entityRow{}, err
	}
	row := entityRow{
		ID:        Neutralize(e.ID),
		Type:      Neutralize(e.Type),
		Name:      Neutralize(e.Name),
		Aliases:   aliases,
		Country:   Neutralize(e.Country),
		Mentions:  formatInt(e.Mentions),
		Documents: formatInt(e.Documents),
		Roles:     roles,
		FirstSeen: Neutralize(e.FirstSeen),
	}
	row.GeoNamesID, row.Lat, row.Lon, row.FeatureClass, row.GeoConfidence = geoCells(e.Geo)
	return row, nil
}

func rowToEntity(r entityRow) (graph.Entity, error) {
	var p fieldParser
	e := graph.Entity{
		ID:        p.id("id", restore(r.ID)),
		Type:      restore(r.Type),
		Name:      restore(r.Name),
		Aliases:   splitList(r.Aliases),
		Country:   restore(r.Country),
		Mentions:  p.int("mentions", r.Mentions),
		Documents: p.int("documents", r.Documents),
		Roles:     splitList(r.Roles),
		FirstSeen: restore(r.FirstSeen),
		Geo:       p.geo(r.GeoNamesID, r.Lat, r.Lon, r.FeatureClass, r.GeoConfidence),
	}
	return e, p.err
}

func relationToRow(r graph.Relation) (relationRow, error) {
	var quad, goldstein string
	if !r.Static() {
		quad = formatInt(r.QuadClass)
		goldstein = strconv.FormatFloat(r.Goldstein, 'f', 1, 64)
	}
	row := relationRow{
		ID:            Neutralize(r.ID),
		SubjectID:     Neutralize(r.SubjectID),
		Subject:       Neutralize(r.Subject),
		Predicate:     Neutralize(r.Predicate),
		Relation:      Neutralize(r.Relation),
		ObjectID:      Neutralize(r.ObjectID),
		Object:        Neutralize(r.Object),
		CAMEO:         Neutralize(r.CAMEO),
		QuadClass:     quad,
		Goldstein:     goldstein,
		Negated:       formatBool(r.Negated),
		Date:          Neutralize(r.Date),
		DocumentID:    Neutralize(r.DocumentID),
		SentenceIndex: formatInt(r.SentenceIndex),
		Sentence:      Neutralize(r.Sentence),
		Confidence:    strconv.FormatFloat(r.Confidence, 'f', 2, 64),
		DateSource:    Neutralize(r.DateSource),
		Modality:      Neutralize(r.Modality),
		Source:        Neutralize(r.Source),
		Role:          Neutralize(r.Role),
		Instrument:    Neutralize(r.Instrument),
		Rule:          Neutralize(r.Rule),
		PlaceID:       Neutralize(r.PlaceID),
		Place:         Neutralize(r.Place),
		PlaceSource:   Neutralize(r.PlaceSource),
	}
	row.PlaceGeoNamesID, row.Lat, row.Lon, _, _ = geoCells(r.PlaceGeo)
	return row, nil
}

func rowToRelation(r relationRow) (graph.Relation, error) {
	var p fieldParser
	rel := graph.Relation{
		ID:            p.id("id", restore(r.ID)),
		SubjectID:     p.id("subject_id", restore(r.SubjectID)),
		Subject:       restore(r.Subject),
		Predicate:     restore(r.Predicate),
		Relation:      restore(r.Relation),
		ObjectID:      p.id("object_id", restore(r.ObjectID)),
		Object:        restore(r.Object),
		CAMEO:         restore(r.CAMEO),
		QuadClass:     p.optInt("quad_class", r.QuadClass),
		Goldstein:     p.optFloat("goldstein", r.Goldstein),
		Negated:       p.bool("negated", r.Negated),
		Date:          restore(r.Date),
		DocumentID:    p.id("document_id", restore(r.DocumentID)),
		SentenceIndex: p.int("sentence_index", r.SentenceIndex),
		Sentence:      restore(r.Sentence),
		Confidence:    p.float("confidence", r.Confidence),
		DateSource:    restore(r.DateSource),
		Modality:      restore(r.Modality),
		Source:        restore(r.Source),
		Role:          restore(r.Role),
		Instrument:    restore(r.Instrument),
		Rule:          restore(r.Rule),
		PlaceID:       restore(r.PlaceID),
		Place:         restore(r.Place),
		PlaceGeo:      p.geo(r.PlaceGeoNamesID, r.Lat, r.Lon, "", ""),
		PlaceSource:   restore(r.PlaceSource),
	}
	return rel, p.err
}

func mentionToRow(m graph.Mention) (mentionRow, error) {
	return mentionRow{
		EntityID:      Neutralize(m.EntityID),
		DocumentID:    Neutralize(m.DocumentID),
		SentenceIndex: formatInt(m.SentenceIndex),
		Start:         formatInt(m.Start),
		End:           formatInt(m.End),
		Text:          Neutralize(m.Text),
	}, nil
}

func rowToMention(r mentionRow) (graph.Mention, error) {
	var p fieldParser
	m := graph.Mention{
		EntityID:      p.id("entity_id", restore(r.EntityID)),
		DocumentID:    p.id("document_id", restore(r.DocumentID)),
		SentenceIndex: p.int("sentence_index", r.SentenceIndex),
		Start:         p.int("start", r.Start),
		End:           p.int("end", r.End),
		Text:          restore(r.Text),
	}
	return m, p.err
}
