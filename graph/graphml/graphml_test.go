package graphml

import (
	"bytes"
	"context"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

func sample() graph.Graph {
	return graph.Graph{
		Documents: []graph.Document{{ID: "d1", Path: "a.txt", Published: "2022-03-12"}},
		Entities: []graph.Entity{
			{ID: "e1", Type: "Country", Name: "Russia", Aliases: []string{"Moscow", "Russia"}, Country: "RUS", Mentions: 3, Documents: 1},
			{ID: "e2", Type: "Country", Name: "Ukraine", Country: "UKR", Mentions: 2, Documents: 1},
		},
		Relations: []graph.Relation{
			{ID: "r1", SubjectID: "e1", Subject: "Russia", ObjectID: "e2", Object: "Ukraine", Relation: "INVADES", CAMEO: "192",
				QuadClass: 4, Goldstein: -9.5, DocumentID: "d1", Sentence: "Russia invaded <Ukraine> & more.", Confidence: 0.75},
			{ID: "r2", SubjectID: "e1", Subject: "Russia", ObjectID: "e2", Object: "Ukraine", Relation: "RELATED_TO", DocumentID: "d1"},
		},
	}
}

// doc is the part of GraphML the test reads back.
type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func TestWriteReadsBack(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, sample()); err != nil {
		t.Fatal(err)
	}
	var d doc
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if len(d.Keys) != len(Keys) || d.Graph.EdgeDefault != "directed" {
		t.Fatalf("%d keys, edgedefault %q", len(d.Keys), d.Graph.EdgeDefault)
	}
	types := map[string]string{}
	for _, k := range d.Keys {
		types[k.For+"/"+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node/mentions": "int", "edge/goldstein": "double", "edge/negated": "boolean", "edge/quad_class": "int", "edge/label": "string", "node/label": "string"} {
		if types[k] != want {
			t.Errorf("key %s has type %q, want %q", k, types[k], want)
		}
	}
	if len(d.Graph.Nodes) != 2 || len(d.Graph.Edges) != 2 {
		t.Fatalf("%d nodes, %d edges", len(d.Graph.Nodes), len(d.Graph.Edges))
	}
	values := func(data []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}) map[string]string {
		m := map[string]string{}
		for _, x := range data {
			m[x.Key] = x.Value
		}
		return m
	}
	if v := values(d.Graph.Nodes[0].Data); v["aliases"] != "Moscow|Russia" || v["mentions"] != "3" {
		t.Errorf("node e1: %v", v)
	}
	e := d.Graph.Edges[0]
	v := values(e.Data)
	if e.ID != "r1" || e.Source != "e1" || e.Target != "e2" || v["sentence"] != "Russia invaded <Ukraine> & more." ||
		v["goldstein"] != "-9.5" || v["quad_class"] != "4" || v["document"] != "a.txt" || v["static"] != "false" {
		t.Errorf("edge r1: %+v %v", e, v)
	}
	if v := values(d.Graph.Edges[1].Data); v["static"] != "true" || v["quad_class"] != "" || v["goldstein"] != "" {
		t.Errorf("static edge r2 has %v", v)
	}
}

func TestWriteRejectsDanglingRelation(t *testing.T) {
	g := sample()
	g.Relations[0].ObjectID = "e9"
	err := Write(context.Background(), &bytes.Buffer{}, g)
	if err == nil || !strings.Contains(err.Error(), "r1") {
		t.Fatalf("Write = %v, want an error naming r1", err)
	}
}

// TestWriteGeo: a place's point and an event's location are typed node
// and edge attributes (Gephi's geo layout reads lat and lon); entities and
// relations without them have none.
func TestWriteGeo(t *testing.T) {
	g := sample()
	g.Entities = append(g.Entities, graph.Entity{ID: "e3", Type: "Location", Name: "Kharkiv", Country: "UKR",
		Geo: &graph.Geo{GeoNamesID: 706483, Lat: 49.98081, Lon: 36.25272, FeatureClass: "P", Confidence: 0.9}})
	g.Relations[0].PlaceID, g.Relations[0].Place, g.Relations[0].PlaceSource = "e3", "Kharkiv", "text"
	g.Relations[0].PlaceGeo = &graph.Geo{GeoNamesID: 706483, Lat: 49.98081, Lon: 36.25272}
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, g); err != nil {
		t.Fatal(err)
	}
	var d doc
	if err := xml.Unmarshal(buf.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, k := range d.Keys {
		types[k.For+"/"+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node/lat": "double", "node/lon": "double", "node/geonames_id": "int", "edge/place_lat": "double", "edge/place": "string"} {
		if types[k] != want {
			t.Errorf("key %s has type %q, want %q", k, types[k], want)
		}
	}
	values := map[string]map[string]string{}
	for _, n := range d.Graph.Nodes {
		values[n.ID] = map[string]string{}
		for _, x := range n.Data {
			values[n.ID][x.Key] = x.Value
		}
	}
	if v := values["e3"]; v["lat"] != "49.98081" || v["lon"] != "36.25272" || v["geonames_id"] != "706483" || v["feature_class"] != "P" {
		t.Errorf("place node: %v", v)
	}
	if _, ok := values["e1"]["lat"]; ok {
		t.Error("a country node has a latitude")
	}
	edge := map[string]string{}
	for _, x := range d.Graph.Edges[0].Data {
		edge[x.Key] = x.Value
	}
	if edge["place"] != "Kharkiv" || edge["place_lat"] != "49.98081" || edge["place_source"] != "text" || edge["place_geonames_id"] != "706483" {
		t.Errorf("located edge: %v", edge)
	}
}
