package main

// End-to-end tests: TestMain builds the real kg binary once and the tests run
// it as a subprocess, as a user would, asserting exit status, stdout, stderr
// and the files it writes. The files *_e2e_test.go hold more of them.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/fixtures"
	"github.com/kg-project/kg/graph/store"
)

// e2eBinary is the path of the kg binary that TestMain builds for the
// end-to-end tests.
var e2eBinary string

func TestMain(m *testing.M) {
	os.Exit(e2eMain(m))
}

// e2eMain builds kg into a temporary directory, runs the tests and removes
// the directory.
func e2eMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "kg-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin, err := buildKG(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	e2eBinary = bin
	return m.Run()
}

// buildKG builds ./cmd/kg with the go toolchain found in PATH and returns
// the binary's path.
func buildKG(dir string) (string, error) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("find the go toolchain: %w", err)
	}
	root, err := fixtures.Root()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kg")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool, "build", "-o", bin, "./cmd/kg")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build -o %s ./cmd/kg: %w\n%s", bin, err, out)
	}
	return bin, nil
}

// seedPath returns the absolute path of the bundled seed article.
func seedPath(t *testing.T) string { return fixtures.Path(t, "seed-convoys.txt") }

// The seed article's sentences behind the two relations issue 2 requires.
const (
	seedSuppliesSentence = "The United States has been providing weapons to Ukraine, including anti-tank and anti-armor missiles."
	seedInvadesSentence  = "Russia invaded Ukraine on Feb. 24, asserting the military action was necessary to “demilitarize and de-Nazify” the neighboring country, which was once part of the Soviet Union."
)

// kgCall says how to run the kg binary.
type kgCall struct {
	// dir is the working directory; empty means a new temporary directory.
	dir string
	// env holds KEY=VALUE settings added to the environment, from which
	// every NEO4J_* variable of the test process is removed.
	env []string
	// timeout kills kg when it runs longer; zero means two minutes.
	timeout time.Duration
}

// kgResult is how a kg run ended.
type kgResult struct {
	code           int
	stdout, stderr string
}

// runKG runs the kg binary with args and returns its exit status and
// output. It fails the test when kg cannot be started, is killed by the
// timeout, or panics.
func runKG(t *testing.T, call kgCall, args ...string) kgResult {
	t.Helper()
	timeout := call.timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, e2eBinary, args...)
	cmd.Dir = call.dir
	if cmd.Dir == "" {
		cmd.Dir = t.TempDir()
	}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, call.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := kgResult{stdout: stdout.String(), stderr: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("kg %q: killed after %s; stderr:\n%s", args, timeout, res.stderr)
	case errors.As(err, &exitErr):
		res.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("kg %q: %v", args, err)
	}
	if strings.Contains(res.stderr, "panic:") || strings.Contains(res.stderr, "goroutine ") {
		t.Fatalf("kg %q panicked (exit %d):\n%s", args, res.code, res.stderr)
	}
	return res
}

// workspaceFiles are the files of a CSV workspace with the columns that
// issue 2 fixes (more may follow).
var workspaceFiles = []struct{ name, header string }{
	{"documents.csv", "id,path,title,url,published,sha256,sentences"},
	{"entities.csv", "id,type,name,aliases,country,mentions,documents"},
	{"relations.csv", "id,subject_id,subject,predicate,relation,object_id,object,cameo,quad_class,goldstein,negated,date,document_id,sentence_index,sentence,confidence"},
	{"mentions.csv", "entity_id,document_id,sentence_index,start,end,text"},
}

// csvRows reads a CSV file with a header line and returns its records as
// maps from column name to cell.
func csvRows(t *testing.T, path string) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseCSV(t, path, data)
}

// parseCSV parses CSV text with a header line (named name in errors).
func parseCSV(t *testing.T, name string, data []byte) []map[string]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	if len(records) == 0 {
		t.Fatalf("%s: no header line", name)
	}
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := make(map[string]string, len(rec))
		for i, col := range records[0] {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// rowsWhere returns the rows whose columns have the given values.
func rowsWhere(rows []map[string]string, kv ...string) []map[string]string {
	var out []map[string]string
	for _, row := range rows {
		match := true
		for i := 0; i+1 < len(kv); i += 2 {
			if row[kv[i]] != kv[i+1] {
				match = false
			}
		}
		if match {
			out = append(out, row)
		}
	}
	return out
}

// oneRow returns the only row with the given column values, failing the
// test when there is not exactly one.
func oneRow(t *testing.T, file string, rows []map[string]string, kv ...string) map[string]string {
	t.Helper()
	found := rowsWhere(rows, kv...)
	if len(found) != 1 {
		t.Fatalf("%s: %d rows with %q, want 1: %v", file, len(found), kv, found)
	}
	return found[0]
}

// snapshot returns the name and content of every file in dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := make(map[string][]byte, len(entries))
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// sameFiles reports the first difference between two snapshots, or "".
// The store's database must be in both, but its bytes may differ (SQLite
// rewrites pages and counters): what it holds is what the CSV files show.
func sameFiles(before, after map[string][]byte) string {
	for name, data := range before {
		got, ok := after[name]
		if !ok {
			return name + " disappeared"
		}
		if !bytes.Equal(got, data) && name != store.File {
			return name + " changed"
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			return name + " appeared"
		}
	}
	return ""
}

// summaryPattern matches kg ingest's summary line: documents, sentences,
// entities, relations of the run, time, workspace, and the skips.
var summaryPattern = regexp.MustCompile(`^kg: (\d+) documents?, (\d+) sentences?, (\d+) entit(?:y|ies), (\d+) relations? in [0-9.]+(?:µs|ms|s|m[0-9.]+s|h[0-9hm.]+s) → (.+?)(?: \((\d+) skipped\))?$`)

// summary is kg ingest's summary line, parsed.
type summary struct {
	documents, sentences, entities, relations, skipped int
	out                                                string
}

// parseSummary parses an ingest summary line (without its newline).
func parseSummary(t *testing.T, line string) summary {
	t.Helper()
	m := summaryPattern.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("summary %q does not match %s", line, summaryPattern)
	}
	n := func(s string) int {
		if s == "" {
			return 0
		}
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	return summary{documents: n(m[1]), sentences: n(m[2]), entities: n(m[3]), relations: n(m[4]), out: m[5], skipped: n(m[6])}
}

func TestE2EIngestSeedWritesWorkspace(t *testing.T) {
	seed := seedPath(t)
	seedText, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	cwd := t.TempDir()
	out := filepath.Join(cwd, "ws")
	res := runKG(t, kgCall{dir: cwd}, "ingest", seed, "--published", "2022-03-12", "--out", out)
	if res.code != exitOK || res.stdout != "" {
		t.Fatalf("kg ingest: exit %d, stdout %q, stderr %q; want exit 0 and no stdout", res.code, res.stdout, res.stderr)
	}

	// Piped stderr: the one summary line, no progress bar.
	if strings.Count(res.stderr, "\n") != 1 || !strings.HasSuffix(res.stderr, "\n") || strings.Contains(res.stderr, "\r") {
		t.Fatalf("stderr %q: want exactly one summary line and no progress bar", res.stderr)
	}
	sum := parseSummary(t, strings.TrimSuffix(res.stderr, "\n"))

	// The four files with their exact header lines and the store; nothing
	// else in DIR (no stale marker, no SQLite journal left behind).
	names := []string{store.File}
	for _, f := range workspaceFiles {
		names = append(names, f.name)
		data, err := os.ReadFile(filepath.Join(out, f.name))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := bytes.Cut(data, []byte("\n"))
		if h := string(header); h != f.header && !strings.HasPrefix(h, f.header+",") {
			t.Errorf("%s header %q, want %q (more columns may follow)", f.name, h, f.header)
		}
	}
	files := snapshot(t, out)
	var got []string
	for name := range files {
		got = append(got, name)
	}
	slices.Sort(got)
	slices.Sort(names)
	if !slices.Equal(got, names) {
		t.Fatalf("workspace holds %q, want exactly %q", got, names)
	}

	docs := csvRows(t, filepath.Join(out, "documents.csv"))
	entities := csvRows(t, filepath.Join(out, "entities.csv"))
	relations := csvRows(t, filepath.Join(out, "relations.csv"))
	sha := sha256.Sum256(seedText)
	if len(docs) != 1 {
		t.Fatalf("documents.csv: %d rows, want 1", len(docs))
	}
	doc := docs[0]
	if doc["path"] != seed || doc["published"] != "2022-03-12" || doc["sha256"] != hex.EncodeToString(sha[:]) {
		t.Errorf("document %v: want path %s, published 2022-03-12, sha256 of the file", doc, seed)
	}
	if want := (summary{documents: 1, sentences: atoi(t, doc["sentences"]), entities: len(entities), relations: len(relations), out: out}); sum != want {
		t.Errorf("summary %+v, want %+v (the counts of the written files)", sum, want)
	}

	us := oneRow(t, "entities.csv", entities, "name", "United States")
	if aliases := strings.Split(us["aliases"], "|"); us["type"] != "Country" || us["country"] != "USA" ||
		!slices.Contains(aliases, "U.S.") || !slices.Contains(aliases, "United States") {
		t.Errorf("United States entity %v: want type Country, country USA, aliases with U.S. and United States", us)
	}
	russia := oneRow(t, "entities.csv", entities, "name", "Russia", "type", "Country")
	ukraine := oneRow(t, "entities.csv", entities, "name", "Ukraine", "type", "Country")

	for _, want := range []struct {
		subject, object       map[string]string
		name, cameoRoot, date string
		sentence              string
	}{
		{us, ukraine, "SUPPLIES", "07", "2022-03-12", seedSuppliesSentence},
		{russia, ukraine, "INVADES", "19", "2022-02-24", seedInvadesSentence},
	} {
		r := oneRow(t, "relations.csv", relations, "subject", want.subject["name"], "relation", want.name, "object", want.object["name"])
		if r["subject_id"] != want.subject["id"] || r["object_id"] != want.object["id"] || !strings.HasPrefix(r["cameo"], want.cameoRoot) ||
			len(r["cameo"]) < 3 || r["date"] != want.date || r["sentence"] != want.sentence || r["negated"] != "false" || r["document_id"] != doc["id"] {
			t.Errorf("%s %s %s: got %v; want ids %s→%s, CAMEO %s.., date %s, not negated, document %s, sentence %q",
				want.subject["name"], want.name, want.object["name"], r, want.subject["id"], want.object["id"],
				want.cameoRoot, want.date, doc["id"], want.sentence)
		}
	}

	// The same input again changes no byte.
	res = runKG(t, kgCall{dir: cwd}, "ingest", seed, "--published", "2022-03-12", "--out", out)
	if res.code != exitOK {
		t.Fatalf("second kg ingest: exit %d, stderr %q", res.code, res.stderr)
	}
	if diff := sameFiles(files, snapshot(t, out)); diff != "" {
		t.Fatalf("second ingest of the same article: %s", diff)
	}

	// A different article merges: same actors, same ids.
	article := filepath.Join(t.TempDir(), "kyiv.txt")
	if err := os.WriteFile(article, []byte("Russia shelled Kyiv on March 5.\nUkraine condemned Russia for the attack.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res = runKG(t, kgCall{dir: cwd}, "ingest", article, "--published", "2022-03-06", "--out", out)
	if res.code != exitOK {
		t.Fatalf("kg ingest %s: exit %d, stderr %q", article, res.code, res.stderr)
	}
	if s := parseSummary(t, strings.TrimSuffix(res.stderr, "\n")); s.documents != 1 {
		t.Errorf("summary of the second article %+v: want 1 document (this run's)", s)
	}
	docs = csvRows(t, filepath.Join(out, "documents.csv"))
	entities = csvRows(t, filepath.Join(out, "entities.csv"))
	if len(docs) != 2 || len(rowsWhere(docs, "path", seed)) != 1 || len(rowsWhere(docs, "path", article, "published", "2022-03-06")) != 1 {
		t.Errorf("documents.csv after merging: %v; want the seed and %s", docs, article)
	}
	merged := oneRow(t, "entities.csv", entities, "name", "Russia", "type", "Country")
	if merged["id"] != russia["id"] || merged["documents"] != "2" {
		t.Errorf("Russia after merging: %v; want id %s and 2 documents", merged, russia["id"])
	}
	oneRow(t, "entities.csv", entities, "name", "United States")
	relations = csvRows(t, filepath.Join(out, "relations.csv"))
	oneRow(t, "relations.csv", relations, "subject_id", us["id"], "relation", "SUPPLIES", "object_id", ukraine["id"])
}

// atoi parses a decimal integer cell.
func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("want an integer: %v", err)
	}
	return n
}

func TestE2EExtractFormats(t *testing.T) {
	seed := seedPath(t)
	cwd := t.TempDir()
	run := func(format string) string {
		t.Helper()
		res := runKG(t, kgCall{dir: cwd}, "extract", seed, "--published", "2022-03-12", "--format", format)
		if res.code != exitOK || res.stderr != "" {
			t.Fatalf("kg extract --format %s: exit %d, stderr %q; want 0 and no stderr", format, res.code, res.stderr)
		}
		return res.stdout
	}

	// JSON Lines: every line an object; the SUPPLIES relation among them.
	var supplies map[string]any
	lines := strings.Split(strings.TrimSuffix(run("jsonl"), "\n"), "\n")
	for i, line := range lines {
		var rel map[string]any
		if err := json.Unmarshal([]byte(line), &rel); err != nil {
			t.Fatalf("jsonl line %d %q: %v", i+1, line, err)
		}
		if rel["subject"] == "United States" && rel["relation"] == "SUPPLIES" && rel["object"] == "Ukraine" {
			supplies = rel
		}
	}
	if supplies == nil || supplies["sentence"] != seedSuppliesSentence || supplies["negated"] != false || supplies["date"] != "2022-03-12" {
		t.Fatalf("jsonl: SUPPLIES relation %v, want United States SUPPLIES Ukraine from %q", supplies, seedSuppliesSentence)
	}
	sentNo := int(supplies["sentence_index"].(float64)) + 1
	cameo := supplies["cameo"].(string)

	// CSV: parses, one row per JSON line, the SUPPLIES row with its sentence.
	rows := parseCSV(t, "kg extract --format csv", []byte(run("csv")))
	if len(rows) != len(lines) {
		t.Errorf("csv: %d rows, jsonl: %d lines; want the same relations", len(rows), len(lines))
	}
	row := oneRow(t, "csv", rows, "subject", "United States", "relation", "SUPPLIES", "object", "Ukraine")
	if row["sentence"] != seedSuppliesSentence || row["cameo"] != cameo || row["sentence_index"] != strconv.Itoa(sentNo-1) {
		t.Errorf("csv SUPPLIES row %v: want cameo %s, sentence_index %d, sentence %q", row, cameo, sentNo-1, seedSuppliesSentence)
	}

	// Table: a header and the SUPPLIES row, aligned.
	table := strings.Split(run("table"), "\n")
	if !regexp.MustCompile(`^SUBJECT +RELATION +OBJECT +CAMEO +SENT\b`).MatchString(table[0]) {
		t.Errorf("table header %q", table[0])
	}
	want := regexp.MustCompile(`^United States +SUPPLIES +Ukraine +` + cameo + ` +` + strconv.Itoa(sentNo) + `\b`)
	if !slices.ContainsFunc(table, want.MatchString) {
		t.Errorf("table has no line matching %s:\n%s", want, strings.Join(table, "\n"))
	}
	if len(table) != len(lines)+2 { // header, one line per relation, the final newline
		t.Errorf("table: %d lines, want %d", len(table), len(lines)+2)
	}

	// kg extract writes no files.
	if entries, err := os.ReadDir(cwd); err != nil || len(entries) != 0 {
		t.Errorf("kg extract wrote into its working directory: %v %v", entries, err)
	}
}
