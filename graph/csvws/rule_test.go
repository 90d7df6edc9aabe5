package csvws

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oldRelationsHeader is the relations.csv header written before the rule column.
const oldRelationsHeader = "id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class,goldstein,negated,date,document_id,sentence_index,sentence,confidence,date_source,modality,source,role,instrument"

// TestReadsRelationsWithAndWithoutTheRuleColumn: a workspace written before
// relations had rule ids reads with empty rules; the rule column is read when
// present; a header missing a column that was always there is still an error.
func TestReadsRelationsWithAndWithoutTheRuleColumn(t *testing.T) {
	row := "r1,e1,A,attack,ATTACKS,e2,B,190,4,-10.0,false,,d1,0,s,0.80,,,,,"
	for _, c := range []struct {
		name, content, rule, err string
	}{
		{"old header", oldRelationsHeader + "\n" + row + "\n", "", ""},
		{"rule column", oldRelationsHeader + ",rule\n" + row + ",relate.verb\n", "relate.verb", ""},
		{"neutralized rule", oldRelationsHeader + ",rule\n" + row + ",'=x\n", "=x", ""},
		{"instrument missing", strings.TrimSuffix(oldRelationsHeader, ",instrument") + "\n" + strings.TrimSuffix(row, ",") + "\n", "", "header"},
		{"other last column", oldRelationsHeader + ",note\n" + row + ",x\n", "", "header"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, RelationsFile), []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			g, err := Read(context.Background(), dir)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("Read = %v, want an error about the %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Relations) != 1 || g.Relations[0].Rule != c.rule || g.Relations[0].CAMEO != "190" {
				t.Errorf("relations = %+v, want one with rule %q", g.Relations, c.rule)
			}
		})
	}
}
