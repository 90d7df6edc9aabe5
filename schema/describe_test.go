package schema

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestDescribe(t *testing.T) {
	s := mustLoad(t)
	var b bytes.Buffer
	if err := Describe(&b, s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Country, Person, Organization, Location, Group, Weapon",
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;",
		"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Describe output lacks %q", want)
		}
	}
	lines := map[string][]string{}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = f
		}
	}
	checks := map[string][]string{
		"INVADES":     {"INVADES", "event", "192", "4", "-9.5"},
		"WARNS":       {"WARNS", "event", "130", "3", "-4.4"},
		"SUPPLIES":    {"SUPPLIES", "event", "070", "2", "7.0"},
		"AFFILIATION": {"AFFILIATION", "static", "-", "-", "-"},
		"RELATED_TO":  {"RELATED_TO", "open", "-", "-", "-"},
	}
	for name, want := range checks {
		got := lines[name]
		if len(got) < len(want) || strings.Join(got[:len(want)], " ") != strings.Join(want, " ") {
			t.Errorf("row %s = %q, want prefix %q", name, got, want)
		}
	}
	if want := fmt.Sprintf("CONSTRUCTIONS\n  %d rules (data/constructions.txt)", len(s.Constructions())); !strings.Contains(out, want) {
		t.Errorf("Describe output lacks %q", want)
	}
	if want := fmt.Sprintf("  %d entries: ", s.LexiconSize()); !strings.Contains(out, want) {
		t.Errorf("Describe output lacks %q", want)
	}
}
