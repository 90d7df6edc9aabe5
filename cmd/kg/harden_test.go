package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// writeFile writes text (an invented article, a workspace file) into dir
// and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestOverBudget(t *testing.T) {
	dir := t.TempDir()
	art := writeFile(t, dir, "slow.txt", "Freedonia shelled Sylvania on Monday.\n")
	out := filepath.Join(dir, "ws")
	code, _, stderr := kgInProcess(t, "ingest", "--budget", "1ns", "--out", out, art)
	if want := "kg: " + art + ": extraction took longer than its time budget of 1ns\n"; code != exitFailure || stderr != want {
		t.Errorf("over budget: exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
	code, _, stderr = kgInProcess(t, "ingest", "--budget", "1ns", "--skip-invalid", "--out", out, art)
	if want := "kg: skipped " + art + ": extraction took longer than its time budget of 1ns (--budget)\n"; code != exitOK || !strings.HasPrefix(stderr, want) || !strings.Contains(stderr, "(1 skipped)") {
		t.Errorf("over budget with --skip-invalid: exit %d, stderr %q; want exit 0, %q and (1 skipped)", code, stderr, want)
	}
	code, _, stderr = kgInProcess(t, "ingest", "--out", out, art)
	if code != exitOK || !strings.HasPrefix(stderr, "kg: 1 ") {
		t.Errorf("within the default budget: exit %d, stderr %q; want exit 0 and the summary", code, stderr)
	}
}

// TestUsageErrorsOfIssue15 checks the calls that must be one-line usage
// errors with exit status 2.
func TestUsageErrorsOfIssue15(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"eval"}, "kg: eval: --gold is required (see kg eval --help)\n"},
		{[]string{"ingest", "--published", "2024-13-45", "x.txt"}, "kg: ingest: --published: unrecognized date \"2024-13-45\" (want YYYY-MM-DD)\n"},
		{[]string{"extract", "x.txt", "--published", "soon"}, "kg: extract: --published: unrecognized date \"soon\" (want YYYY-MM-DD)\n"},
		{[]string{"ingest", "--workers", "0", "x.txt"}, "kg: ingest: --workers 0: must be at least 1\n"},
		{[]string{"ingest", "x.txt", "--workers", "-1"}, "kg: ingest: --workers -1: must be at least 1\n"},
		{[]string{"ingest", "--budget", "-1s", "x.txt"}, "kg: ingest: --budget -1s: must not be negative\n"},
		{[]string{"ingest", "--out", "ws", "--"}, "kg: ingest: at least one PATH is required\n"},
	} {
		code, stdout, stderr := kgInProcess(t, tc.args...)
		if code != exitUsage || stdout != "" || stderr != tc.want {
			t.Errorf("kg %q: exit %d, stdout %.80q, stderr %q; want exit 2 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

// TestDoubleDashEndsFlags checks that "--" right after the flags makes a
// following "-name" a path, and that without it "-name" is still a flag.
func TestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "-dash.txt", "Freedonia shelled Sylvania on Monday.\n")
	t.Chdir(dir)
	code, _, stderr := kgInProcess(t, "extract", "--published", "2024-05-08", "--", "-dash.txt")
	if code != exitOK {
		t.Errorf("kg extract -- -dash.txt: exit %d, stderr %q; want exit 0", code, stderr)
	}
	code, _, stderr = kgInProcess(t, "extract", "--published", "2024-05-08", "-dash.txt")
	if want := "kg: extract: flag provided but not defined: -dash.txt\n"; code != exitUsage || stderr != want {
		t.Errorf("kg extract -dash.txt: exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
	}
}

func TestSummaryCountsAgree(t *testing.T) {
	for _, tc := range []struct {
		n          int
		noun, want string
	}{
		{1, "document", "1 document"}, {0, "document", "0 documents"}, {1, "entity", "1 entity"}, {2, "entity", "2 entities"},
	} {
		if got := count(tc.n, tc.noun); got != tc.want {
			t.Errorf("count(%d, %q) = %q, want %q", tc.n, tc.noun, got, tc.want)
		}
	}
}

// TestReadersRefuseAnIncompleteWorkspace checks that kg load and kg export
// of an empty folder or of a workspace without mentions.csv fail naming the
// missing file, and that a whole workspace is read.
func TestReadersRefuseAnIncompleteWorkspace(t *testing.T) {
	empty := t.TempDir()
	ws := exportWorkspace(t)
	partial := t.TempDir()
	for _, name := range []string{"documents.csv", "entities.csv", "relations.csv"} {
		data, err := os.ReadFile(filepath.Join(ws, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, partial, name, string(data))
	}
	for _, tc := range []struct {
		dir, missing string
	}{{empty, "documents.csv"}, {partial, "mentions.csv"}} {
		for _, args := range [][]string{
			{"load", "--neo4j-uri", "bolt://127.0.0.1:1", tc.dir},
			{"export", "--format", "events", tc.dir},
		} {
			code, _, stderr := kgInProcess(t, args...)
			want := "kg: " + args[0] + ": " + tc.dir + " is not a kg workspace: " + tc.missing + " is missing\n"
			if code != exitFailure || stderr != want {
				t.Errorf("kg %q: exit %d, stderr %q; want exit 1 and %q", args, code, stderr, want)
			}
		}
	}
	if code, _, stderr := kgInProcess(t, "export", "--format", "events", ws); code != exitOK {
		t.Errorf("kg export of a whole workspace: exit %d, stderr %q", code, stderr)
	}
}

func TestExportKeepsTheModeOfTheFileItReplaces(t *testing.T) {
	ws := exportWorkspace(t)
	out := writeFile(t, t.TempDir(), "events.tsv", "old contents\n")
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := kgInProcess(t, "export", ws, "--out", out); code != exitOK {
		t.Fatalf("kg export: exit %d, stderr %q", code, stderr)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("events.tsv after export: mode %o, want 600 kept", got)
	}
}

// TestNeo4jQueryIsReadOnlyUnlessWrite checks that kg query runs in a read
// session, so a statement that would delete the graph fails, and that
// --write lets it change the graph.
func TestNeo4jQueryIsReadOnlyUnlessWrite(t *testing.T) {
	cfg := neo4jtest.Config(t)
	neo4jtest.Clear(t, cfg)
	neo4jtest.Rows(t, cfg, "CREATE (:Entity {id: 'e-kept', name: 'Freedonia'})", nil)
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USERNAME", cfg.Username)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", "")

	code, stdout, stderr := kgInProcess(t, "query", "MATCH (n) DETACH DELETE n")
	if code != exitFailure || stdout != "" || !strings.HasPrefix(stderr, "kg: query: neo4j at ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("delete without --write: exit %d, stdout %q, stderr %q; want exit 1 and one error line", code, stdout, stderr)
	}
	if nodes, _ := neo4jtest.Counts(t, cfg); nodes != 1 {
		t.Fatalf("after a refused delete: %d nodes, want the 1 kept", nodes)
	}
	if code, _, stderr := kgInProcess(t, "query", "MATCH (n) RETURN count(n) AS n"); code != exitOK {
		t.Errorf("a read without --write: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := kgInProcess(t, "query", "--write", "MATCH (n) DETACH DELETE n"); code != exitOK {
		t.Errorf("delete with --write: exit %d, stderr %q", code, stderr)
	}
	if nodes, _ := neo4jtest.Counts(t, cfg); nodes != 0 {
		t.Errorf("after delete --write: %d nodes, want 0", nodes)
	}
}

// FuzzParamValue checks that --param NAME=VALUE never panics and types a
// value as documented: what comes back as a string is the value itself, or
// the inside of its double quotes.
func FuzzParamValue(f *testing.F) {
	for _, s := range []string{"42", "-7", "070", "7.5", "1e3", "true", `"070"`, `"`, "", "+5", "NaN", "0x10", "1_000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		p := queryParams{}
		if err := p.Set("x=" + v); err != nil {
			t.Fatalf("Set(x=%q): %v", v, err)
		}
		if s, ok := p["x"].(string); ok && s != v && `"`+s+`"` != v {
			t.Fatalf("value %q became the string %q", v, s)
		}
	})
}

// TestEvalGoldFolderErrors checks that a --gold that is missing, a file or
// empty is one error line naming it, with exit status 1.
func TestEvalGoldFolderErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "notes.txt", "not a folder\n")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		gold, want string
	}{
		{filepath.Join(dir, "nope"), "kg: eval: " + filepath.Join(dir, "nope") + ": no such folder\n"},
		{filepath.Join(dir, "notes.txt"), "kg: eval: " + filepath.Join(dir, "notes.txt") + ": not a folder (--gold takes a folder of NAME.json/NAME.txt pairs)\n"},
		{empty, "kg: eval: " + empty + ": no NAME.json/NAME.txt pairs\n"},
	} {
		code, stdout, stderr := kgInProcess(t, "eval", "--gold", tc.gold)
		if code != exitFailure || stdout != "" || stderr != tc.want {
			t.Errorf("kg eval --gold %s: exit %d, stdout %.80q, stderr %q; want exit 1 and %q", tc.gold, code, stdout, stderr, tc.want)
		}
	}
}
