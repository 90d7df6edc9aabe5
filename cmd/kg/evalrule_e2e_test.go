package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldDir returns the absolute path of a small invented gold folder of
// testdata/gold (kg runs in a temporary directory).
func goldDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "gold", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// summaries returns the SUMMARY lines of kg eval's output, in order.
func summaries(out string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(l, "SUMMARY ") {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestE2EEvalSeveralFolders: with --gold given twice, kg eval prints each
// folder's SUMMARY tagged with the folder, then the untagged SUMMARY over
// both, every one with event_r; one folder alone keeps the old output (its
// only SUMMARY is untagged and equals the folder's tagged one).
func TestE2EEvalSeveralFolders(t *testing.T) {
	one, two := goldDir(t, "one"), goldDir(t, "two")
	res := runKG(t, kgCall{}, "eval", "--gold", one, "--gold", two)
	if res.code != exitOK {
		t.Fatalf("kg eval: exit %d: %s", res.code, res.stderr)
	}
	got := summaries(res.stdout)
	if len(got) != 3 {
		t.Fatalf("kg eval over two folders: %d SUMMARY lines, want 3:\n%s", len(got), res.stdout)
	}
	for i, tag := range []string{one, two, ""} {
		f := strings.Fields(got[i])
		if tagged := !strings.Contains(f[1], "="); tagged != (tag != "") || tagged && f[1] != tag {
			t.Errorf("SUMMARY %d = %q, want the tag %q", i, got[i], tag)
		}
		if !strings.Contains(got[i], " event_r=") {
			t.Errorf("SUMMARY %d = %q has no event_r", i, got[i])
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(res.stdout), got[2]) {
		t.Errorf("the overall SUMMARY is not the last line:\n%s", res.stdout)
	}
	single := runKG(t, kgCall{}, "eval", "--gold", two)
	if s := summaries(single.stdout); len(s) != 1 || s[0] != strings.Replace(got[1], " "+two, "", 1) {
		t.Errorf("kg eval --gold %s alone: SUMMARY lines %q, want the folder's line untagged: %q", two, s, got[1])
	}
	// The second folder's gold lists a mediation kg does not find: its
	// events are not all recalled, so the total is no copy of one folder.
	if got[2] == strings.Replace(got[0], " "+one, "", 1) {
		t.Errorf("the overall SUMMARY equals the first folder's: %q", got[2])
	}
}

// TestE2EIngestWritesTheRuleColumn: relations.csv ends with the rule
// column, never empty.
func TestE2EIngestWritesTheRuleColumn(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ws")
	if res := runKG(t, kgCall{}, "ingest", filepath.Join(goldDir(t, "one"), "border.txt"), "--out", out); res.code != exitOK {
		t.Fatalf("kg ingest: exit %d: %s", res.code, res.stderr)
	}
	f, err := os.Open(filepath.Join(out, "relations.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || recs[0][len(recs[0])-1] != "rule" {
		t.Fatalf("relations.csv: header %q and %d rows, want the rule column last and rows", recs[0], len(recs)-1)
	}
	for _, r := range recs[1:] {
		if rule := r[len(r)-1]; !strings.HasPrefix(rule, "relate.") && !strings.HasPrefix(rule, "resolve.") {
			t.Errorf("relation %q has rule %q", r[:5], rule)
		}
	}
}
