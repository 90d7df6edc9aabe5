// Package graphml writes kg's graph as GraphML (http://graphml.graphdrawing.org/),
// the exchange format that Gephi, yEd, Cytoscape desktop and networkx read.
//
// Every entity is a node whose id is the entity id and every relation an
// edge whose id is the relation id, directed from subject to object; every
// column of entities.csv and relations.csv is a GraphML key with its type
// (string, int, double or boolean), and "label" keys carry the name and the
// relation type, which Gephi and yEd show. Lists (aliases, roles) are joined
// with "|" as in the CSV workspace. A static relation has no quad_class or
// goldstein value (they mean nothing there) and static=true. Parallel edges
// are kept: one edge per statement, as in relations.csv. docs/export.md
// lists the keys.
package graphml

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Key is one GraphML attribute declaration.
type Key struct {
	ID   string // also the attribute name (attr.name)
	For  string // node or edge
	Type string // string, int, double or boolean
}

// Keys are the attributes written, in order: node keys, then edge keys.
var Keys = []Key{
	{"label", "node", "string"},
	{"type", "node", "string"},
	{"name", "node", "string"},
	{"aliases", "node", "string"},
	{"country", "node", "string"},
	{"mentions", "node", "int"},
	{"documents", "node", "int"},
	{"roles", "node", "string"},
	{"first_seen", "node", "string"},
	{"geonames_id", "node", "int"},
	{"lat", "node", "double"},
	{"lon", "node", "double"},
	{"feature_class", "node", "string"},
	{"geo_confidence", "node", "double"},

	{"elabel", "edge", "string"},
	{"relation", "edge", "string"},
	{"predicate", "edge", "string"},
	{"subject", "edge", "string"},
	{"object", "edge", "string"},
	{"static", "edge", "boolean"},
	{"cameo", "edge", "string"},
	{"quad_class", "edge", "int"},
	{"goldstein", "edge", "double"},
	{"negated", "edge", "boolean"},
	{"date", "edge", "string"},
	{"date_source", "edge", "string"},
	{"modality", "edge", "string"},
	{"source", "edge", "string"},
	{"role", "edge", "string"},
	{"instrument", "edge", "string"},
	{"confidence", "edge", "double"},
	{"document_id", "edge", "string"},
	{"document", "edge", "string"},
	{"published", "edge", "string"},
	{"sentence_index", "edge", "int"},
	{"sentence", "edge", "string"},
	{"rule", "edge", "string"},
	{"place", "edge", "string"},
	{"place_source", "edge", "string"},
	{"place_geonames_id", "edge", "int"},
	{"place_lat", "edge", "double"},
	{"place_lon", "edge", "double"},
}

// attrName is the attr.name of a key: the edge label key is named "label"
// too, as Gephi expects, under its own id.
func attrName(k Key) string {
	if k.ID == "elabel" {
		return "label"
	}
	return k.ID
}

// Write writes g to w as one GraphML document. Relations whose subject or
// object is not an entity of g are an error: the file would not load.
func Write(ctx context.Context, w io.Writer, g graph.Graph) error {
	docs := make(map[string]graph.Document, len(g.Documents))
	for _, d := range g.Documents {
		docs[d.ID] = d
	}
	known := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		known[e.ID] = true
	}
	bw := bufio.NewWriter(w)
	x := &writer{w: bw}
	x.raw(xml.Header)
	x.raw(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range Keys {
		x.raw(fmt.Sprintf(`  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.ID, k.For, attrName(k), k.Type))
	}
	x.raw(`  <graph id="kg" edgedefault="directed">` + "\n")
	for _, e := range g.Entities {
		x.open("node", e.ID)
		x.data("label", e.Name)
		x.data("type", e.Type)
		x.data("name", e.Name)
		x.data("aliases", strings.Join(e.Aliases, "|"))
		x.data("country", e.Country)
		x.data("mentions", strconv.Itoa(e.Mentions))
		x.data("documents", strconv.Itoa(e.Documents))
		x.data("roles", strings.Join(e.Roles, "|"))
		x.data("first_seen", e.FirstSeen)
		if g := e.Geo; g != nil {
			x.data("geonames_id", strconv.FormatUint(uint64(g.GeoNamesID), 10))
			x.data("lat", strconv.FormatFloat(g.Lat, 'g', -1, 64))
			x.data("lon", strconv.FormatFloat(g.Lon, 'g', -1, 64))
			x.data("feature_class", g.FeatureClass)
			x.data("geo_confidence", strconv.FormatFloat(g.Confidence, 'g', -1, 64))
		}
		x.raw("    </node>\n")
	}
	for i, r := range g.Relations {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("graphml: %w", err)
			}
		}
		if !known[r.SubjectID] || !known[r.ObjectID] {
			return fmt.Errorf("graphml: relation %s: subject %s or object %s is not an entity", r.ID, r.SubjectID, r.ObjectID)
		}
		x.raw(`    <edge id="`)
		x.text(r.ID)
		x.raw(`" source="`)
		x.text(r.SubjectID)
		x.raw(`" target="`)
		x.text(r.ObjectID)
		x.raw("\">\n")
		x.data("elabel", r.Relation)
		x.data("relation", r.Relation)
		x.data("predicate", r.Predicate)
		x.data("subject", r.Subject)
		x.data("object", r.Object)
		x.data("static", strconv.FormatBool(r.Static()))
		x.data("cameo", r.CAMEO)
		if !r.Static() {
			x.data("quad_class", strconv.Itoa(r.QuadClass))
			x.data("goldstein", strconv.FormatFloat(r.Goldstein, 'g', -1, 64))
		}
		x.data("negated", strconv.FormatBool(r.Negated))
		x.data("date", r.Date)
		x.data("date_source", r.DateSource)
		x.data("modality", r.Modality)
		x.data("source", r.Source)
		x.data("role", r.Role)
		x.data("instrument", r.Instrument)
		x.data("confidence", strconv.FormatFloat(r.Confidence, 'g', -1, 64))
		x.data("document_id", r.DocumentID)
		d := docs[r.DocumentID]
		x.data("document", d.Path)
		x.data("published", d.Published)
		x.data("sentence_index", strconv.Itoa(r.SentenceIndex))
		x.data("sentence", r.Sentence)
		x.data("rule", r.Rule)
		if g := r.PlaceGeo; g != nil {
			x.data("place", r.Place)
			x.data("place_source", r.PlaceSource)
			x.data("place_geonames_id", strconv.FormatUint(uint64(g.GeoNamesID), 10))
			x.data("place_lat", strconv.FormatFloat(g.Lat, 'g', -1, 64))
			x.data("place_lon", strconv.FormatFloat(g.Lon, 'g', -1, 64))
		}
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	if x.err != nil {
		return fmt.Errorf("graphml: %w", x.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graphml: %w", err)
	}
	return nil
}

// writer writes XML, keeping the first error.
type writer struct {
	w   *bufio.Writer
	err error
}

func (x *writer) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s escaped for XML text and attribute values; characters XML
// cannot hold become U+FFFD.
func (x *writer) text(s string) {
	if x.err == nil {
		x.err = xml.EscapeText(x.w, []byte(s))
	}
}

func (x *writer) open(tag, id string) {
	x.raw("    <" + tag + ` id="`)
	x.text(id)
	x.raw("\">\n")
}

// data writes one value; an empty value is left out, as GraphML allows.
func (x *writer) data(key, value string) {
	if value == "" {
		return
	}
	x.raw(`      <data key="` + key + `">`)
	x.text(value)
	x.raw("</data>\n")
}
