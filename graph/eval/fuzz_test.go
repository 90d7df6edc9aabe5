package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadGold loads arbitrary bytes as a gold file: LoadGold must not
// panic, and a gold it accepts has what check promises.
func FuzzLoadGold(f *testing.F) {
	for _, s := range []string{
		`{"id": "x", "published": "2024-05-08", "entities": [{"name": "Freedonia", "type": "Country"}],
		  "relations": [{"subject": ["Freedonia"], "object": ["Sylvania"], "cameo": ["190"], "evidence": "e"}]}`,
		`{"entities": [{"name": " ", "type": ""}]}`,
		`{"relations": [{"subject": [], "cameo": ["x"]}]}`,
		`[]`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), "g.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := LoadGold(p)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "load gold") {
				t.Fatalf("error %q does not say it is the gold", err)
			}
			return
		}
		for _, e := range g.Entities {
			if strings.TrimSpace(e.Name) == "" || e.Type == "" {
				t.Fatalf("accepted an entity without name or type: %+v", e)
			}
		}
		for _, r := range g.Relations {
			if len(r.Subject) == 0 || len(r.Object) == 0 || len(r.CAMEO) == 0 {
				t.Fatalf("accepted a relation without subject, object or cameo: %+v", r)
			}
		}
	})
}
