package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
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

// TestE2EEvalByRule: --by-rule prints one RULE line per rule before the
// overall SUMMARY, the rules with false positives first; on the invented
// gold, the accusation read from a spokesman's report, which the gold does
// not list, is the one false positive, and the verb rule has none.
func TestE2EEvalByRule(t *testing.T) {
	res := runKG(t, kgCall{}, "eval", "--by-rule", "--gold", goldDir(t, "one"), "--gold", goldDir(t, "two"))
	if res.code != exitOK {
		t.Fatalf("kg eval --by-rule: exit %d: %s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "SUMMARY entity_p=") {
		t.Errorf("last line %q is not the overall SUMMARY", lines[len(lines)-1])
	}
	rules := map[string]string{}
	var order []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 2 && f[0] == "RULE" {
			rules[f[1]] = strings.Join(f[2:], " ")
			order = append(order, f[1])
		}
	}
	if got, want := rules["relate.speech/accusation"], "system=1 matched=0 false_pos=1 precision=0.000"; got != want {
		t.Errorf("RULE relate.speech/accusation %q, want %q\n%s", got, want, res.stdout)
	}
	if got := rules["relate.verb"]; !strings.Contains(got, "false_pos=0 ") {
		t.Errorf("RULE relate.verb %q, want no false positive", got)
	}
	if len(order) == 0 || order[0] != "relate.speech/accusation" {
		t.Errorf("rules in order %q, want the one with a false positive first", order)
	}
	plain := runKG(t, kgCall{}, "eval", "--gold", goldDir(t, "one"))
	if strings.Contains(plain.stdout, "RULE ") {
		t.Errorf("kg eval without --by-rule prints RULE lines:\n%s", plain.stdout)
	}
}

// TestE2EExtractExplain: --explain prints, per relation, its rule, the
// words and arcs it matched and the lexicon entry; a static link shows its
// rule and argument heads only.
func TestE2EExtractExplain(t *testing.T) {
	article := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(article, []byte("Chile warned Peru on Monday. The Chilean army said nothing.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runKG(t, kgCall{}, "extract", "--explain", article)
	if res.code != exitOK {
		t.Fatalf("kg extract --explain: exit %d: %s", res.code, res.stderr)
	}
	for _, want := range []string{
		"Chile WARNS Peru 130 (sentence 1: \"Chile warned Peru on Monday.\")\n" +
			"  rule: relate.verb\n" +
			"  words: warned#2 predicate (VERB warn); Chile#1 subject head; Peru#3 object head\n" +
			"  arcs: warned#2 -nsubj-> Chile#1; warned#2 -obj-> Peru#3\n" +
			"  lexicon: verb \"warn\": WARNS 130 subject nsubj object obj|iobj\n",
		"Chilean military PART_OF Chile  (sentence 2: \"The Chilean army said nothing.\")\n" +
			"  rule: resolve.bodyLinks\n" +
			"  words: army#3 subject head; object not named in the sentence\n",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("kg extract --explain lacks\n%s\ngot\n%s", want, res.stdout)
		}
	}
	if res := runKG(t, kgCall{}, "extract", "--explain", "--format", "csv", article); res.code != exitUsage {
		t.Errorf("--explain with --format csv: exit %d, want %d", res.code, exitUsage)
	}
}

// TestE2EIngestWritesTheRuleColumn: relations.csv has the rule column
// right after instrument (the columns added later follow it), never empty.
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
	col := slices.Index(recs[0], "rule")
	if len(recs) < 2 || col < 1 || recs[0][col-1] != "instrument" {
		t.Fatalf("relations.csv: header %q and %d rows, want the rule column after instrument and rows", recs[0], len(recs)-1)
	}
	for _, r := range recs[1:] {
		if rule := r[col]; !strings.HasPrefix(rule, "relate.") && !strings.HasPrefix(rule, "resolve.") {
			t.Errorf("relation %q has rule %q", r[:5], rule)
		}
	}
}
