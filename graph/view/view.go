// Package view writes a CSV workspace as one self-contained HTML page: the
// graph (Cytoscape.js), filters, a timeline, a world map and a table of
// relations. Everything the page needs — scripts, styles, the world
// outline and the data — is inlined, so the page opens offline from one
// file. docs/view.md describes the page and its decisions.
//
// The embedded third-party assets (assets/*.min.js, countries-110m.json)
// are committed as published on npm, each with its licence file next to it;
// assets/README.md names their versions.
package view

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Embedded assets (see assets/README.md for origin, version and licence).
var (
	//go:embed assets/cytoscape.min.js
	cytoscapeJS string
	//go:embed assets/topojson-client.min.js
	topojsonJS string
	//go:embed assets/countries-110m.json
	worldJSON string
	//go:embed assets/view.js
	viewJS string
	//go:embed assets/view.css
	viewCSS string
	//go:embed assets/page.html
	pageHTML string
)

var page = template.Must(template.New("page").Parse(pageHTML))

// Options are the settings of a page.
type Options struct {
	Title string // page title; "kg view" when empty
	// MaxEdges is the number of relations in the filter above which the
	// graph draws one edge per subject, relation and object instead of one
	// per relation; 0 means DefaultMaxEdges.
	MaxEdges int
	// MaxNodes caps the actors drawn at once (the most connected are kept);
	// 0 means DefaultMaxNodes.
	MaxNodes int
}

// Defaults of Options.
const (
	DefaultMaxEdges = 1500
	DefaultMaxNodes = 400
)

// Data is what the page's script receives, as JSON. Relations are arrays
// rather than objects and sentences are stored once, to keep large pages
// small (see docs/view.md).
type Data struct {
	Documents []Document `json:"documents"`
	Entities  []Entity   `json:"entities"`
	// RelationColumns names the cells of each row of Relations.
	RelationColumns []string `json:"relationColumns"`
	Relations       [][]any  `json:"relations"`
	Sentences       []string `json:"sentences"`
	// CAMEO maps each CAMEO code used (and every root) to its codebook name.
	CAMEO map[string]string `json:"cameo"`
	// AtlasISO3 maps the world outline's country ids (ISO 3166-1 numeric)
	// to kg's ISO 3166-1 alpha-3 codes.
	AtlasISO3 map[string]string `json:"atlasISO3"`
	// Types lists the entity types in the order of the legend.
	Types    []string `json:"types"`
	MaxEdges int      `json:"maxEdges"`
	MaxNodes int      `json:"maxNodes"`
}

// Document is one article as the page shows it.
type Document struct {
	ID        string `json:"id"`
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// Entity is one actor as the page shows it.
type Entity struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases,omitempty"`
	Country   string   `json:"country,omitempty"`
	Mentions  int      `json:"mentions"`
	Documents int      `json:"documents"`
	Roles     []string `json:"roles,omitempty"`
	FirstSeen string   `json:"firstSeen,omitempty"`
}

// relationColumns are the cells of a relation row, in order; the page reads
// them by these names.
var relationColumns = []string{
	"id", "subject", "object", "relation", "predicate", "cameo", "quad", "goldstein",
	"negated", "date", "document", "sentenceIndex", "sentence", "confidence",
	"dateSource", "modality", "source", "role", "instrument", "rule",
	"place", "placeSource", "lat", "lon",
}

// Build turns g into the page's data. s supplies CAMEO names and the
// country names that tie the world outline to kg's country codes.
func Build(ctx context.Context, g graph.Graph, s *schema.Schema, opts Options) (Data, error) {
	d := Data{
		RelationColumns: relationColumns,
		CAMEO:           map[string]string{},
		MaxEdges:        cmp0(opts.MaxEdges, DefaultMaxEdges),
		MaxNodes:        cmp0(opts.MaxNodes, DefaultMaxNodes),
	}
	for _, t := range schema.EntityTypes() {
		d.Types = append(d.Types, string(t))
	}
	for _, doc := range g.Documents {
		d.Documents = append(d.Documents, Document{ID: doc.ID, Path: doc.Path, Title: doc.Title, URL: doc.URL, Published: doc.Published})
	}
	known := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		known[e.ID] = true
		d.Entities = append(d.Entities, Entity{
			ID: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases, Country: e.Country,
			Mentions: e.Mentions, Documents: e.Documents, Roles: e.Roles, FirstSeen: e.FirstSeen,
		})
	}
	for _, ev := range s.Events() {
		if len(ev.Code) == 2 {
			d.CAMEO[ev.Code] = ev.Name
		}
	}
	sentence := map[string]int{}
	for i, r := range g.Relations {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return Data{}, fmt.Errorf("view: %w", err)
			}
		}
		if !known[r.SubjectID] || !known[r.ObjectID] {
			return Data{}, fmt.Errorf("view: relation %s: subject or object is not in entities.csv", r.ID)
		}
		if r.CAMEO != "" {
			if ev, ok := s.Event(r.CAMEO); ok {
				d.CAMEO[r.CAMEO] = ev.Name
			}
		}
		si, ok := sentence[r.Sentence]
		if !ok {
			si = len(d.Sentences)
			sentence[r.Sentence] = si
			d.Sentences = append(d.Sentences, r.Sentence)
		}
		var lat, lon any // null for an event without a located place
		if r.PlaceGeo != nil {
			lat, lon = r.PlaceGeo.Lat, r.PlaceGeo.Lon
		}
		d.Relations = append(d.Relations, []any{
			r.ID, r.SubjectID, r.ObjectID, r.Relation, r.Predicate, r.CAMEO, r.QuadClass, r.Goldstein,
			r.Negated, r.Date, r.DocumentID, r.SentenceIndex, si, r.Confidence,
			r.DateSource, r.Modality, r.Source, r.Role, r.Instrument, r.Rule,
			r.Place, r.PlaceSource, lat, lon,
		})
	}
	atlas, err := atlasISO3(s)
	if err != nil {
		return Data{}, err
	}
	d.AtlasISO3 = atlas
	return d, nil
}

// cmp0 returns v, or def when v is 0 or less.
func cmp0(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

// atlasNames maps the world outline's abbreviated country names to names
// kg's gazetteer knows.
var atlasNames = map[string]string{
	"W. Sahara":              "Western Sahara",
	"Dem. Rep. Congo":        "Democratic Republic of the Congo",
	"Dominican Rep.":         "Dominican Republic",
	"Falkland Is.":           "Falkland Islands",
	"Central African Rep.":   "Central African Republic",
	"Eq. Guinea":             "Equatorial Guinea",
	"eSwatini":               "Eswatini",
	"Solomon Is.":            "Solomon Islands",
	"Bosnia and Herz.":       "Bosnia and Herzegovina",
	"Macedonia":              "North Macedonia",
	"S. Sudan":               "South Sudan",
	"Côte d'Ivoire":          "Ivory Coast",
	"Fr. S. Antarctic Lands": "",
	"N. Cyprus":              "",
}

// atlasISO3 reads the embedded world outline's countries and returns their
// ids keyed to kg's ISO3 codes, matched by name through the gazetteer. The
// outline leaves a few territories without a numeric id (Kosovo,
// Somaliland, Northern Cyprus); they are keyed by name instead.
func atlasISO3(s *schema.Schema) (map[string]string, error) {
	var topo struct {
		Objects struct {
			Countries struct {
				Geometries []struct {
					ID         string `json:"id"`
					Properties struct {
						Name string `json:"name"`
					} `json:"properties"`
				} `json:"geometries"`
			} `json:"countries"`
		} `json:"objects"`
	}
	if err := json.Unmarshal([]byte(worldJSON), &topo); err != nil {
		return nil, fmt.Errorf("view: embedded world outline: %w", err)
	}
	out := map[string]string{}
	for _, g := range topo.Objects.Countries.Geometries {
		name := g.Properties.Name
		if alt, ok := atlasNames[name]; ok {
			name = alt
		}
		if name == "" {
			continue
		}
		c, ok := s.Country(name)
		if !ok {
			continue
		}
		key := g.ID
		if key == "" {
			key = g.Properties.Name
		}
		out[key] = c.ISO3
	}
	return out, nil
}

// Write builds the page of g and writes it to w.
func Write(ctx context.Context, w io.Writer, g graph.Graph, s *schema.Schema, opts Options) error {
	d, err := Build(ctx, g, s, opts)
	if err != nil {
		return err
	}
	return Render(w, d, opts.Title)
}

// Render writes the page holding d to w.
func Render(w io.Writer, d Data, title string) error {
	if title == "" {
		title = "kg view"
	}
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("view: encode data: %w", err)
	}
	var buf bytes.Buffer
	err = page.Execute(&buf, map[string]any{
		"Title":     title,
		"CSS":       template.CSS(viewCSS),
		"Cytoscape": scriptJS(cytoscapeJS),
		"Topojson":  scriptJS(topojsonJS),
		"View":      scriptJS(viewJS),
		// JSON inside a <script type="application/json"> element: only
		// "</" could end it early, and json.Marshal escapes "<" already.
		"Data":  template.JS(data),
		"World": scriptJS(worldJSON),
	})
	if err != nil {
		return fmt.Errorf("view: render page: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("view: write page: %w", err)
	}
	return nil
}

// scriptJS marks an embedded script as safe to inline, after making sure it
// cannot close its <script> element early.
func scriptJS(src string) template.JS {
	if strings.Contains(strings.ToLower(src), "</script") {
		src = strings.ReplaceAll(src, "</script", `<\/script`)
	}
	return template.JS(src)
}
