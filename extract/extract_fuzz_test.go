package extract

import (
	"context"
	"testing"

	"github.com/kg-project/kg/extract/source"
)

// FuzzExtract checks that no text makes extraction panic or produce a
// relation whose ends are not among the graph's entities.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russia invaded Ukraine on Feb. 24.",
		"“We have warned the U.S.,” he said. ISLAMABAD (AP) - ",
		"The Saudi-led coalition, a U.S.-backed alliance, struck the villages of A, B and C in northern Yemen's province.",
		"he said.” “ ' ' ’s -- (DoD) (TPLF) General al- bin , , , the the",
		"",
	} {
		f.Add(s)
	}
	x, err := loadExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		g, err := x.Extract(context.Background(), source.Article{Path: "fuzz.txt", Text: text, Published: "2024-05-08"})
		if err != nil {
			return
		}
		ids := map[string]bool{}
		for _, e := range g.Entities {
			ids[e.ID] = true
		}
		for _, r := range g.Relations {
			if !ids[r.SubjectID] || !ids[r.ObjectID] {
				t.Fatalf("relation %+v has an end outside the entities", r)
			}
		}
	})
}
