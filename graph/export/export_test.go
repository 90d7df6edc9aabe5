package export

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func loadSchema(t *testing.T) *schema.Schema {
	t.Helper()
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// testGraph is a small hand-built workspace: events reported twice,
// persons with affiliations, unnamed groups, a place, coarse dates and
// relations that are not events.
func testGraph() graph.Graph {
	ent := func(id, typ, name, country string, roles ...string) graph.Entity {
		return graph.Entity{ID: id, Type: typ, Name: name, Country: country, Roles: roles}
	}
	rel := func(id, subj, subjName, relation, cameo, obj, objName, date, doc string, sent int) graph.Relation {
		return graph.Relation{ID: id, SubjectID: subj, Subject: subjName, Relation: relation, CAMEO: cameo,
			ObjectID: obj, Object: objName, Date: date, DocumentID: doc, SentenceIndex: sent,
			Predicate: strings.ToLower(relation), Sentence: "Sentence " + id + ".", Confidence: 0.75, Modality: "asserted"}
	}
	g := graph.Graph{
		Documents: []graph.Document{
			{ID: "d1", Path: "a.txt", URL: "https://www.example.com/news/1", Published: "2022-03-12"},
			{ID: "d2", Path: "b.txt", URL: "https://example.com/news/2", Published: "2022-03-13"},
			{ID: "d3", Path: "c.txt"},
		},
		Entities: []graph.Entity{
			ent("eRU", "Country", "Russia", "RUS"),
			ent("eUA", "Country", "Ukraine", "UKR"),
			ent("eUS", "Country", "United States", "USA"),
			ent("eRyabkov", "Person", "Sergey Ryabkov", "", "deputy foreign minister"),
			ent("eKirby", "Person", "John Kirby", ""),
			ent("eGeneral", "Person", "Ivan Petrov", "RUS", "general"),
			ent("eDoD", "Organization", "U.S. Department of Defense", "USA"),
			ent("eNATO", "Organization", "North Atlantic Treaty Organization", ""),
			ent("eMilitants", "Group", "Palestinian militants", ""),
			ent("eCivilians", "Group", "civilians", ""),
			ent("eKharkiv", "Location", "Kharkiv", "UKR"),
		},
		Relations: []graph.Relation{
			rel("r1", "eRU", "Russia", "INVADES", "192", "eUA", "Ukraine", "2022-02-24", "d1", 0),
			rel("r2", "eRU", "Russia", "INVADES", "192", "eUA", "Ukraine", "2022-02-24", "d2", 3),
			rel("r3", "eRyabkov", "Sergey Ryabkov", "WARNS", "130", "eUS", "United States", "2022-03-12", "d1", 1),
			rel("r4", "eRyabkov", "Sergey Ryabkov", "AFFILIATION", "", "eRU", "Russia", "2022-03-12", "d1", 1),
			rel("r5", "eUS", "United States", "SUPPLIES", "072", "eUA", "Ukraine", "2022-03-12", "d1", 2),
			rel("r6", "eRU", "Russia", "RELATED_TO", "010", "eUA", "Ukraine", "2022-03-12", "d1", 2),
			rel("r7", "eKirby", "John Kirby", "STATES", "010", "eNATO", "North Atlantic Treaty Organization", "2022-03", "d2", 1),
			rel("r8", "eKirby", "John Kirby", "AFFILIATION", "", "eDoD", "U.S. Department of Defense", "2022-03-13", "d2", 1),
			rel("r9", "eMilitants", "Palestinian militants", "ATTACKS", "190", "eCivilians", "civilians", "2022-W10", "d3", 0),
			rel("r10", "eGeneral", "Ivan Petrov", "ATTACKS", "1951", "eKharkiv", "Kharkiv", "2022", "d2", 4),
		},
	}
	g.Relations[0].QuadClass, g.Relations[0].Goldstein = 4, -9.5
	g.Relations[1].QuadClass, g.Relations[1].Goldstein = 4, -9.5
	g.Relations[2].QuadClass, g.Relations[2].Goldstein = 3, -4.4
	g.Relations[4].QuadClass, g.Relations[4].Goldstein, g.Relations[4].Negated = 2, 8.3, true
	g.Relations[6].QuadClass = 1
	g.Relations[8].QuadClass, g.Relations[8].Goldstein = 4, -10
	g.Relations[9].QuadClass, g.Relations[9].Goldstein = 4, -10
	return g
}

func TestEvents(t *testing.T) {
	s := loadSchema(t)
	g := testGraph()
	rows, err := Events(context.Background(), g, s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	russia := Actor{Code: "RUS", Name: "Russia", CountryCode: "RUS"}
	ukraine := Actor{Code: "UKR", Name: "Ukraine", CountryCode: "UKR"}
	kg := func(r EventRow, id string) EventRow {
		for _, rel := range g.Relations {
			if rel.ID == id {
				r.GlobalEventID = eventID(id)
				r.RelationID, r.Relation, r.Predicate, r.Sentence = rel.ID, rel.Relation, rel.Predicate, rel.Sentence
				r.Confidence, r.DocumentID, r.Date, r.Modality = rel.Confidence, rel.DocumentID, rel.Date, rel.Modality
			}
		}
		return r
	}
	// Sorted by kg date as text: 2022 < 2022-02-24 < 2022-03 < 2022-03-12 < 2022-W10.
	want := []EventRow{
		kg(EventRow{
			Year:      "2022",
			Actor1:    Actor{Code: "RUSMIL", Name: "Ivan Petrov", CountryCode: "RUS", Type1Code: "MIL"},
			Actor2:    Actor{Code: "UKR", Name: "Kharkiv", CountryCode: "UKR"},
			EventCode: "1951", EventBaseCode: "195", EventRootCode: "19", QuadClass: 4, GoldsteinScale: -10,
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			// The target is a place: it locates the event and the actor.
			Actor2Geo: Geo{Type: 4, FullName: "Kharkiv, Ukraine"},
			ActionGeo: Geo{Type: 4, FullName: "Kharkiv, Ukraine"},
			DateAdded: "20220313000000", SourceURL: "https://example.com/news/2",
		}, "r10"),
		kg(EventRow{
			Day: "20220224", MonthYear: "202202", Year: "2022", FractionDate: "2022.2301",
			Actor1: russia, Actor2: ukraine, IsRootEvent: true,
			EventCode: "192", EventBaseCode: "192", EventRootCode: "19", QuadClass: 4, GoldsteinScale: -9.5,
			NumMentions: 2, NumSources: 1, NumArticles: 2,
			DateAdded: "20220312000000", SourceURL: "https://www.example.com/news/1",
		}, "r1"),
		kg(EventRow{
			Day: "20220224", MonthYear: "202202", Year: "2022", FractionDate: "2022.2301",
			Actor1: russia, Actor2: ukraine,
			EventCode: "192", EventBaseCode: "192", EventRootCode: "19", QuadClass: 4, GoldsteinScale: -9.5,
			NumMentions: 2, NumSources: 1, NumArticles: 2,
			DateAdded: "20220313000000", SourceURL: "https://example.com/news/2",
		}, "r2"),
		kg(EventRow{
			MonthYear: "202203", Year: "2022",
			Actor1:    Actor{Code: "USAMIL", Name: "John Kirby", CountryCode: "USA", Type1Code: "MIL"},
			Actor2:    Actor{Code: "IGONAT", Name: "North Atlantic Treaty Organization", KnownGroupCode: "NAT", Type1Code: "IGO"},
			EventCode: "010", EventBaseCode: "010", EventRootCode: "01", QuadClass: 1,
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			DateAdded: "20220313000000", SourceURL: "https://example.com/news/2",
		}, "r7"),
		kg(EventRow{
			Day: "20220312", MonthYear: "202203", Year: "2022", FractionDate: "2022.2795",
			Actor1:    Actor{Code: "RUSGOV", Name: "Sergey Ryabkov", CountryCode: "RUS", Type1Code: "GOV"},
			Actor2:    Actor{Code: "USA", Name: "United States", CountryCode: "USA"},
			EventCode: "130", EventBaseCode: "130", EventRootCode: "13", QuadClass: 3, GoldsteinScale: -4.4,
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			DateAdded: "20220312000000", SourceURL: "https://www.example.com/news/1",
		}, "r3"),
		kg(EventRow{
			MonthYear: "202203", Year: "2022", // week 10 of 2022: Monday 7 March, Thursday 10 March
			Actor1:      Actor{Code: "PSEREB", Name: "Palestinian militants", CountryCode: "PSE", Type1Code: "REB"},
			Actor2:      Actor{Code: "CVL", Name: "civilians", Type1Code: "CVL"},
			IsRootEvent: true,
			EventCode:   "190", EventBaseCode: "190", EventRootCode: "19", QuadClass: 4, GoldsteinScale: -10,
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			SourceURL: "c.txt",
		}, "r9"),
	}
	if len(rows) != len(want) {
		for _, r := range rows {
			t.Logf("got %s %s", r.RelationID, r.Date)
		}
		t.Fatalf("got %d rows, want %d", len(rows), len(want))
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, rows[i], want[i])
		}
	}
}

func TestEventsIncludeNegated(t *testing.T) {
	rows, err := Events(context.Background(), testGraph(), loadSchema(t), Options{IncludeNegated: true})
	if err != nil {
		t.Fatal(err)
	}
	var negated []string
	for _, r := range rows {
		if r.Negated {
			negated = append(negated, r.RelationID)
		}
	}
	if len(rows) != 7 || len(negated) != 1 || negated[0] != "r5" {
		t.Errorf("got %d rows, negated %q; want 7 rows, negated [r5]", len(rows), negated)
	}
}

func TestEventsBadDate(t *testing.T) {
	g := testGraph()
	g.Relations[0].Date = "24 Feb 2022"
	_, err := Events(context.Background(), g, loadSchema(t), Options{})
	want := `export events: relation r1: date "24 Feb 2022" is not YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestEventIDStable(t *testing.T) {
	// The id depends only on the relation id, and fits a float64 exactly.
	if got, want := eventID("r1"), eventID("r1"); got != want {
		t.Fatalf("eventID not deterministic: %d, %d", got, want)
	}
	if got := eventID("r3c8f0a7e5d2b1946"); got != 2018529132926663 {
		t.Errorf("eventID = %d, want 2018529132926663", got)
	}
	for _, id := range []string{"r1", "r2", "rffffffffffffffff"} {
		if got := eventID(id); got >= 1<<52 {
			t.Errorf("eventID(%q) = %d, not below 2^52", id, got)
		}
	}
}

func TestEventDate(t *testing.T) {
	for _, tc := range []struct{ in, day, monthYear, year, fraction string }{
		{"", "", "", "", ""},
		{"2022-02-24", "20220224", "202202", "2022", "2022.2301"},
		{"2023-12-31", "20231231", "202312", "2023", "2024.0712"}, // GDELT's formula passes the year end
		{"2022-03", "", "202203", "2022", ""},
		{"2022-W01", "", "202201", "2022", ""}, // Monday 3 January 2022
		{"2025-W01", "", "202501", "2025", ""}, // Monday 30 December 2024, Thursday 2 January
		{"2020-W53", "", "202012", "2020", ""},
		{"2020", "", "", "2020", ""},
	} {
		day, monthYear, year, fraction, err := eventDate(tc.in)
		if err != nil || day != tc.day || monthYear != tc.monthYear || year != tc.year || fraction != tc.fraction {
			t.Errorf("eventDate(%q) = %q, %q, %q, %q, %v; want %q, %q, %q, %q", tc.in, day, monthYear, year, fraction, err,
				tc.day, tc.monthYear, tc.year, tc.fraction)
		}
	}
	for _, bad := range []string{"2021-W53", "2022-W00", "2022-13", "22", "2022-02-30", "March 2022"} {
		if _, _, _, _, err := eventDate(bad); err == nil {
			t.Errorf("eventDate(%q): no error", bad)
		}
	}
}

func TestActorCodes(t *testing.T) {
	s := loadSchema(t)
	g := graph.Graph{
		Entities: []graph.Entity{
			{ID: "e1", Type: "Organization", Name: "Hamas"},
			{ID: "e2", Type: "Organization", Name: "Azerbaijan Ministry of Defense", Country: "AZE"},
			{ID: "e3", Type: "Organization", Name: "government forces"},
			{ID: "e4", Type: "Organization", Name: "Lockheed Martin"},
			{ID: "e5", Type: "Group", Name: "South Korean military officials"},
			{ID: "e6", Type: "Person", Name: "Ban Ki-moon", Roles: []string{"secretary-general"}},
			{ID: "e7", Type: "Organization", Name: "United Nations"},
			{ID: "e8", Type: "Person", Name: "Dmitry Peskov", Roles: []string{"Kremlin spokesperson"}},
			{ID: "e9", Type: "Person", Name: "Jane Doe"},
			{ID: "e10", Type: "Organization", Name: "Al Rawdha TV"},
			{ID: "e11", Type: "Organization", Name: "Reuters"},
			{ID: "e12", Type: "Organization", Name: "U.S. Department of State", Country: "USA"},
			{ID: "e13", Type: "Group", Name: "Ethiopian officials"},
			{ID: "e14", Type: "Person", Name: "Maria Colton-Reyes", Country: "USA"},
			{ID: "e15", Type: "Organization", Name: "State Department"},
		},
		Relations: []graph.Relation{
			{ID: "a1", SubjectID: "e6", Relation: "AFFILIATION", ObjectID: "e7", DocumentID: "d1"},
			{ID: "a2", SubjectID: "e14", Relation: "AFFILIATION", ObjectID: "e15", Role: "spokesperson", DocumentID: "d1"},
		},
	}
	c := newCoder(s, g)
	for _, tc := range []struct {
		id   string
		want Actor
	}{
		{"e1", Actor{Code: "PSEINSHMS", Name: "Hamas", CountryCode: "PSE", KnownGroupCode: "HMS", Type1Code: "INS"}},
		{"e2", Actor{Code: "AZEMIL", Name: "Azerbaijan Ministry of Defense", CountryCode: "AZE", Type1Code: "MIL"}},
		{"e3", Actor{Code: "MIL", Name: "government forces", Type1Code: "MIL"}},
		{"e4", Actor{Code: "MNC", Name: "Lockheed Martin", CountryCode: "USA", Type1Code: "MNC"}},
		{"e5", Actor{Code: "KORMIL", Name: "South Korean military officials", CountryCode: "KOR", Type1Code: "MIL"}},
		{"e6", Actor{Code: "IGOUNO", Name: "Ban Ki-moon", KnownGroupCode: "UNO", Type1Code: "IGO"}},
		{"e8", Actor{Code: "GOV", Name: "Dmitry Peskov", Type1Code: "GOV"}},
		{"e9", Actor{Name: "Jane Doe"}},
		{"e10", Actor{Code: "MED", Name: "Al Rawdha TV", Type1Code: "MED"}},
		{"e11", Actor{Code: "MED", Name: "Reuters", Type1Code: "MED"}},
		{"e12", Actor{Code: "USAGOV", Name: "U.S. Department of State", CountryCode: "USA", Type1Code: "GOV"}},
		{"e13", Actor{Code: "ETHGOV", Name: "Ethiopian officials", CountryCode: "ETH", Type1Code: "GOV"}},
		// The body names no country; the person's own fills it in.
		{"e14", Actor{Code: "USAGOV", Name: "Maria Colton-Reyes", CountryCode: "USA", Type1Code: "GOV"}},
		{"missing", Actor{Name: "named in relation"}},
	} {
		if got := c.actor(tc.id, "named in relation", "d1"); got != tc.want {
			t.Errorf("actor %s:\n got %+v\nwant %+v", tc.id, got, tc.want)
		}
	}
}

func TestAffiliationPrefersSameDocument(t *testing.T) {
	g := graph.Graph{
		Entities: []graph.Entity{
			{ID: "p", Type: "Person", Name: "Pat Smith"},
			{ID: "ru", Type: "Country", Name: "Russia", Country: "RUS"},
			{ID: "ua", Type: "Country", Name: "Ukraine", Country: "UKR"},
		},
		Relations: []graph.Relation{
			{ID: "a1", SubjectID: "p", Relation: "AFFILIATION", ObjectID: "ru", Role: "general", DocumentID: "d1", Confidence: 0.9},
			{ID: "a2", SubjectID: "p", Relation: "AFFILIATION", ObjectID: "ua", Role: "ambassador", DocumentID: "d2", Confidence: 0.8},
		},
	}
	c := newCoder(loadSchema(t), g)
	for doc, want := range map[string]string{"d1": "RUSMIL", "d2": "UKRGOV", "d3": "RUSMIL"} {
		if got := c.actor("p", "", doc).Code; got != want {
			t.Errorf("in %s: code %q, want %q", doc, got, want)
		}
	}
}

// The tables name only what the schema knows.
func TestTablesMatchSchema(t *testing.T) {
	s := loadSchema(t)
	for name, code := range knownGroups {
		if o, ok := s.Org(name); !ok || o.Name != name {
			t.Errorf("knownGroups: %q is not a canonical organization name", name)
		}
		if a, ok := s.ActorType(code); !ok || a.Category != "known_group" && a.Category != "organization_in_type_file" {
			t.Errorf("knownGroups[%q] = %q: not a CAMEO known-group code (%+v)", name, code, a)
		}
	}
	for title, code := range titleTypes {
		if tt, ok := s.Title(strings.Fields(title)); !ok || tt.Canonical != title {
			t.Errorf("titleTypes: %q is not a canonical title", title)
		}
		if _, ok := s.ActorType(code); !ok {
			t.Errorf("titleTypes[%q] = %q: not a CAMEO actor type", title, code)
		}
	}
	for head, code := range groupHeads {
		if a, ok := s.ActorType(code); !ok || !strings.HasPrefix(a.Category, "role_") {
			t.Errorf("groupHeads[%q] = %q: not a CAMEO role code", head, code)
		}
	}
}
