package schema

import (
	"strings"
	"testing"
)

// mustLoad loads the embedded schema or fails the test.
func mustLoad(t *testing.T) *Schema {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return s
}

func TestLoadReturnsSameValue(t *testing.T) {
	a, b := mustLoad(t), mustLoad(t)
	if a != b {
		t.Fatal("Load returned two different schemas")
	}
}

func TestValidEntityType(t *testing.T) {
	for _, et := range EntityTypes() {
		if !ValidEntityType(string(et)) {
			t.Errorf("ValidEntityType(%q) = false", et)
		}
	}
	for _, bad := range []string{"", "country", "Date", "Entity", "PERSON"} {
		if ValidEntityType(bad) {
			t.Errorf("ValidEntityType(%q) = true", bad)
		}
	}
	if n := len(EntityTypes()); n != 6 {
		t.Errorf("EntityTypes has %d types, want 6", n)
	}
}

func TestEventTable(t *testing.T) {
	s := mustLoad(t)
	if n := len(s.Events()); n != 311 {
		t.Errorf("cameo.tsv has %d codes, want 311", n)
	}
	cases := []struct {
		code      string
		root      string
		quad      int
		goldstein float64
	}{
		{"190", "19", 4, -10.0},
		{"130", "13", 3, -4.4},
		{"072", "07", 2, 8.3},
		{"0874", "08", 2, 10.0},
		{"013", "01", 1, 0.4},
		{"106", "10", 3, -5.0},
	}
	for _, c := range cases {
		e, ok := s.Event(c.code)
		if !ok {
			t.Errorf("Event(%q) not found", c.code)
			continue
		}
		if e.Root != c.root || e.QuadClass != c.quad || e.Goldstein != c.goldstein {
			t.Errorf("Event(%q) = %+v, want root %s quad %d goldstein %v", c.code, e, c.root, c.quad, c.goldstein)
		}
	}
	if _, ok := s.Event("176"); ok {
		t.Error("Event(176) found; it is not in GDELT's table")
	}
}

func TestActorType(t *testing.T) {
	s := mustLoad(t)
	for code, label := range map[string]string{"GOV": "Government", "MIL": "Military", "IGO": "Inter-Governmental Organization", "REB": "Rebels"} {
		a, ok := s.ActorType(code)
		if !ok || a.Label != label {
			t.Errorf("ActorType(%q) = %+v, %v; want label %q", code, a, ok, label)
		}
	}
}

func TestRelationVocabulary(t *testing.T) {
	s := mustLoad(t)
	required := strings.Fields(`STATES INFORMS DENIES APPEALS_TO REQUESTS DEMANDS PROMISES MEETS
		NEGOTIATES_WITH VISITS COOPERATES_WITH AGREES_WITH PRAISES THANKS SUPPORTS SUPPLIES FUNDS AIDS
		YIELDS_TO INVESTIGATES CRITICIZES ACCUSES CONDEMNS REJECTS WARNS THREATENS PROTESTS MOBILIZES
		REDUCES_RELATIONS SANCTIONS EXPELS ARRESTS BLOCKADES OCCUPIES ATTACKS INVADES KILLS BOMBS
		ASSASSINATES CAPTURES`)
	for _, name := range required {
		r, ok := s.Relation(name)
		if !ok {
			t.Errorf("relation %s missing", name)
			continue
		}
		if r.Kind != KindEvent {
			t.Errorf("%s kind = %s, want event", name, r.Kind)
		}
		if _, ok := s.Event(r.CAMEO); !ok {
			t.Errorf("%s default CAMEO %q not in the table", name, r.CAMEO)
		}
		if !s.ValidRelation(name) {
			t.Errorf("ValidRelation(%q) = false", name)
		}
	}
	roots := map[string]string{"WARNS": "13", "SUPPLIES": "07", "INVADES": "19", "SANCTIONS": "16", "ARRESTS": "17"}
	for name, root := range roots {
		r, _ := s.Relation(name)
		if e, _ := s.Event(r.CAMEO); e.Root != root {
			t.Errorf("%s default code %s has root %s, want %s", name, r.CAMEO, e.Root, root)
		}
	}
	for _, name := range []string{RelAffiliation, RelPartOf, RelMemberOf, RelLocatedIn} {
		r, ok := s.Relation(name)
		if !ok || r.Kind != KindStatic || r.CAMEO != "" {
			t.Errorf("Relation(%s) = %+v, %v; want static without CAMEO", name, r, ok)
		}
	}
	if r, ok := s.Relation(RelRelatedTo); !ok || r.Kind != KindOpen {
		t.Errorf("Relation(RELATED_TO) = %+v, %v", r, ok)
	}
	for _, bad := range []string{"", "warns", "Warns", "DROPS_TABLE", "WARNS`]->() DETACH DELETE n //"} {
		if s.ValidRelation(bad) {
			t.Errorf("ValidRelation(%q) = true", bad)
		}
	}
}

func TestConstraints(t *testing.T) {
	want := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
		"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
		"CREATE POINT INDEX entity_point IF NOT EXISTS FOR (e:Entity) ON (e.point)",
	}
	got := Constraints()
	if len(got) != len(want) {
		t.Fatalf("Constraints() = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Constraints()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestParseTSVErrors(t *testing.T) {
	cases := map[string]string{
		"bad header":   "a\tc\n1\t2\n",
		"short row":    "a\tb\n1\n",
		"no header":    "# only a comment\n",
		"extra fields": "a\tb\n1\t2\t3\n",
	}
	for name, text := range cases {
		if _, err := parseTSV("x.tsv", text, "a", "b"); err == nil {
			t.Errorf("%s: parseTSV succeeded", name)
		}
	}
	tb, err := parseTSV("x.tsv", "# c\na\tb\n\n1\t 2 \n", "a", "b")
	if err != nil || len(tb.rows) != 1 || tb.get(tb.rows[0], "b") != "2" || tb.rows[0].line != 4 {
		t.Errorf("parseTSV = %+v, %v", tb, err)
	}
}

func TestRootBetween(t *testing.T) {
	for _, c := range []struct {
		code   string
		lo, hi int
		want   bool
	}{
		{"190", 18, 20, true}, {"1823", 18, 20, true}, {"172", 18, 20, false}, {"020", 1, 2, true}, {"2", 1, 20, false}, {"x9", 1, 20, false},
	} {
		if got := RootBetween(c.code, c.lo, c.hi); got != c.want {
			t.Errorf("RootBetween(%q, %d, %d) = %v, want %v", c.code, c.lo, c.hi, got, c.want)
		}
	}
}
