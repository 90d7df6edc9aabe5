package main

import (
	"bufio"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// badInput is an invalid input for kg ingest and the error it must cause.
type badInput struct {
	name string
	// path is the input, relative to the directory the inputs are written in.
	path string
	// content is written to path; nil writes nothing (a missing file).
	content []byte
	// line is the JSON Lines line the error names, 0 for none.
	line int
	// want is a substring of the error after "kg: PATH[:LINE]: ".
	want string
	// skippable says whether --skip-invalid turns it into a counted skip.
	skippable bool
}

// badInputs returns issue 2's list of bad inputs. The 50 MB single-line
// files are written by writeBadInputs.
func badInputs() []badInput {
	return []badInput{
		{name: "missing path", path: "absent.txt", want: "no such file or directory"},
		{name: "directory without articles", path: "noarticles", want: "no articles"},
		{name: "empty file", path: "empty.txt", content: []byte{}, want: "empty article", skippable: true},
		{name: "blank file", path: "blank.md", content: []byte(" \n\t\n"), want: "empty article", skippable: true},
		{name: "binary file", path: "binary.txt", content: []byte("\x7fELF\x02\x01\x01\x00\x00\x00Russia invaded Ukraine."), want: "binary file", skippable: true},
		{name: "invalid UTF-8", path: "latin1.txt", content: []byte("Russia invaded Ukraine on Feb. 24 \xe0 Kyiv.\n"), want: "invalid UTF-8", skippable: true},
		{name: "malformed JSON Lines line", path: "articles.jsonl",
			content: []byte(`{"id": "a1", "text": "Russia invaded Ukraine on Feb. 24."}` + "\n\n" + `{"id": "a2", "text": "unterminated}` + "\n"),
			line:    3, want: "malformed JSON", skippable: true},
		{name: "50 MB single-line text file", path: "huge.txt", line: 0, want: "article too large", skippable: true},
		{name: "50 MB single-line JSON Lines file", path: "huge.jsonl", line: 1, want: "article too large", skippable: true},
	}
}

// writeBadInputs writes the inputs of badInputs into dir.
func writeBadInputs(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "noarticles", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"noarticles/notes.csv", "noarticles/sub/image.png"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("not an article\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, in := range badInputs() {
		if in.content != nil {
			if err := os.WriteFile(filepath.Join(dir, in.path), in.content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const size = 50 << 20
	sentence := "Russia shelled the city again on Tuesday and Ukraine condemned the attack. "
	writeLine(t, filepath.Join(dir, "huge.txt"), "", strings.Repeat(sentence, size/len(sentence)), "")
	writeLine(t, filepath.Join(dir, "huge.jsonl"), `{"text": "`, strings.Repeat(sentence, size/len(sentence)), `"}`)
}

// writeLine writes prefix, body and suffix as one line without a newline.
func writeLine(t *testing.T, path, prefix, body, suffix string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString(prefix)
	w.WriteString(body)
	w.WriteString(suffix)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestE2EIngestBadInput(t *testing.T) {
	inputs := t.TempDir()
	writeBadInputs(t, inputs)
	// An existing workspace that a failed run must leave as it is.
	existing := filepath.Join(t.TempDir(), "ws")
	if res := runKG(t, kgCall{}, "ingest", seedPath(t), "--published", "2022-03-12", "--out", existing); res.code != exitOK {
		t.Fatalf("kg ingest of the seed: exit %d, stderr %q", res.code, res.stderr)
	}
	before := snapshot(t, existing)

	for _, in := range badInputs() {
		t.Run(in.name, func(t *testing.T) {
			file := in.path
			if in.line > 0 {
				file += ":" + strconv.Itoa(in.line)
			}
			wantPrefix := "kg: " + file + ": "
			fresh := filepath.Join(t.TempDir(), "ws")
			for _, out := range []string{fresh, existing} {
				res := runKG(t, kgCall{dir: inputs}, "ingest", in.path, "--published", "2022-03-12", "--out", out)
				if res.code != exitFailure || res.stdout != "" {
					t.Errorf("--out %s: exit %d, stdout %q; want exit 1 and no stdout", out, res.code, res.stdout)
				}
				if !strings.HasPrefix(res.stderr, wantPrefix) || !strings.Contains(res.stderr, in.want) || strings.Count(res.stderr, "\n") != 1 {
					t.Errorf("--out %s: stderr %q; want one line %q...%q...", out, res.stderr, wantPrefix, in.want)
				}
			}
			if _, err := os.Stat(fresh); !os.IsNotExist(err) {
				t.Errorf("the failed run created its --out directory %s (stat: %v)", fresh, err)
			}
			if diff := sameFiles(before, snapshot(t, existing)); diff != "" {
				t.Errorf("the failed run modified the existing workspace: %s", diff)
			}
		})
	}
}

func TestE2EIngestSkipInvalid(t *testing.T) {
	inputs := t.TempDir()
	writeBadInputs(t, inputs)
	args := []string{"ingest", "--skip-invalid", "--published", "2022-03-12", "--out", "ws"}
	var skippable []badInput
	for _, in := range badInputs() {
		if in.skippable {
			skippable = append(skippable, in)
			args = append(args, in.path)
		}
	}
	args = append(args, seedPath(t))
	res := runKG(t, kgCall{dir: inputs}, args...)
	if res.code != exitOK || res.stdout != "" {
		t.Fatalf("kg %q: exit %d, stdout %q, stderr %q; want exit 0", args, res.code, res.stdout, res.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
	if len(lines) != len(skippable)+1 {
		t.Fatalf("stderr has %d lines, want one per skip and the summary:\n%s", len(lines), res.stderr)
	}
	for i, in := range skippable {
		file := in.path
		if in.line > 0 {
			file += ":" + strconv.Itoa(in.line)
		}
		if want := "kg: skipped " + file + ": "; !strings.HasPrefix(lines[i], want) || !strings.Contains(lines[i], in.want) {
			t.Errorf("skip line %q: want %q...%q...", lines[i], want, in.want)
		}
	}
	// The seed and the valid first line of articles.jsonl are written.
	sum := parseSummary(t, lines[len(lines)-1])
	if sum.documents != 2 || sum.skipped != len(skippable) || sum.out != "ws" {
		t.Errorf("summary %q: want 2 documents into ws, (%d skipped)", lines[len(lines)-1], len(skippable))
	}
	docs := csvRows(t, filepath.Join(inputs, "ws", "documents.csv"))
	if len(docs) != 2 || len(rowsWhere(docs, "path", "articles.jsonl:1")) != 1 || len(rowsWhere(docs, "path", seedPath(t))) != 1 {
		t.Errorf("documents.csv %v: want the seed and articles.jsonl:1", docs)
	}

	// Inputs that are not articles at all still fail with --skip-invalid.
	for _, in := range badInputs() {
		if in.skippable {
			continue
		}
		res := runKG(t, kgCall{dir: inputs}, "ingest", "--skip-invalid", "--out", "ws2", in.path, seedPath(t))
		if res.code != exitFailure || !strings.HasPrefix(res.stderr, "kg: "+in.path+": ") {
			t.Errorf("--skip-invalid with the %s %s: exit %d, stderr %q; want exit 1 naming it", in.name, in.path, res.code, res.stderr)
		}
	}
}

func TestE2EIngestUnreachableNeo4j(t *testing.T) {
	// A port that was free a moment ago: nothing listens there.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	uri := "bolt://" + l.Addr().String()
	l.Close()

	cwd := t.TempDir()
	article := filepath.Join(cwd, "short.txt")
	if err := os.WriteFile(article, []byte("Russia invaded Ukraine on Feb. 24.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const password = "secret-password-4711"
	// Issue 2 wants the error within 10 seconds: kg is killed (and the test
	// fails) if it takes longer.
	res := runKG(t, kgCall{dir: cwd, env: []string{"NEO4J_PASSWORD=" + password}, timeout: 10 * time.Second},
		"ingest", article, "--published", "2022-03-12", "--out", "ws", "--neo4j-uri", uri)
	// Issue 15: the server is checked before any work, so the run fails
	// with one line and writes nothing.
	if res.code != exitFailure || strings.Count(res.stderr, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want exit 1 and one error line", res.code, res.stderr)
	}
	if !strings.HasPrefix(res.stderr, "kg: ingest: ") || !strings.Contains(res.stderr, uri) || strings.Contains(res.stderr, password) {
		t.Errorf("error %q: want one line naming %s, without the password", res.stderr, uri)
	}
	if _, err := os.Stat(filepath.Join(cwd, "ws")); err == nil {
		t.Errorf("the failed run wrote the workspace ws")
	}
}

func TestE2EUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // the stderr line
	}{
		{[]string{"ingest"}, "kg: ingest: at least one PATH is required"},
		{[]string{"ingest", "x.txt", "--nope"}, "kg: ingest: flag provided but not defined: --nope"},
		{[]string{"ingest", "x.txt", "--workers", "many"}, `kg: ingest: invalid value "many" for flag --workers: `},
		{[]string{"extract", "--format", "xml", "x.txt"}, `kg: extract: unknown --format "xml" (want table, jsonl or csv)`},
		{[]string{"extract", "x.txt", "--format", "xml"}, `kg: extract: unknown --format "xml" (want table, jsonl or csv)`},
		{[]string{"extract"}, "kg: extract: exactly one PATH is required, got 0"},
		{[]string{"frobnicate"}, `kg: unknown command "frobnicate"`},
		{[]string{"--frobnicate"}, "kg: flag provided but not defined: -frobnicate"},
		{[]string{"help", "frobnicate"}, `kg: help: unknown command "frobnicate" (see kg --help)`},
	} {
		cwd := t.TempDir()
		res := runKG(t, kgCall{dir: cwd}, tc.args...)
		if res.code != exitUsage || res.stdout != "" || !strings.HasPrefix(res.stderr, tc.want) || strings.Count(res.stderr, "\n") != 1 {
			t.Errorf("kg %q: exit %d, stdout %q, stderr %q; want exit 2 and one line %q...", tc.args, res.code, res.stdout, res.stderr, tc.want)
		}
		// Nothing is written (not even the default ./kg-out).
		if entries, err := os.ReadDir(cwd); err != nil || len(entries) != 0 {
			t.Errorf("kg %q wrote into its working directory: %v %v", tc.args, entries, err)
		}
	}
}

func TestE2EHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // the start of stdout
	}{
		{nil, "NAME:\n   kg - "},
		{[]string{"--help"}, "NAME:\n   kg - "},
		{[]string{"help"}, "NAME:\n   kg - "},
		{[]string{"help", "ingest"}, "NAME:\n   kg ingest - "},
		{[]string{"h", "eval"}, "NAME:\n   kg eval - "},
		{[]string{"load", "--help"}, "NAME:\n   kg load - "},
	} {
		res := runKG(t, kgCall{dir: t.TempDir()}, tc.args...)
		if res.code != exitOK || res.stderr != "" || !strings.HasPrefix(res.stdout, tc.want) {
			t.Errorf("kg %q: exit %d, stderr %q, stdout %.60q; want exit 0 and %q...", tc.args, res.code, res.stderr, res.stdout, tc.want)
		}
	}
}

func TestE2ECSVInjectionNeutralized(t *testing.T) {
	cwd := t.TempDir()
	// Each line is a sentence whose text starts with a formula character.
	text := "-Russia invaded Ukraine on Feb. 24.\n\n" +
		"=HYPERLINK(\"http://evil.example\") Russia attacked Ukraine on March 3.\n\n" +
		"+Ukraine accused Russia of shelling Kharkiv.\n\n" +
		"@reuters: Russia attacked Ukraine on March 4.\n"
	if err := os.WriteFile(filepath.Join(cwd, "formulas.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runKG(t, kgCall{dir: cwd}, "ingest", "formulas.txt", "--published", "2022-03-12", "--out", "ws")
	if res.code != exitOK {
		t.Fatalf("exit %d, stderr %q", res.code, res.stderr)
	}
	relations := csvRows(t, filepath.Join(cwd, "ws", "relations.csv"))
	for _, want := range []struct{ relation, object, sentence string }{
		{"INVADES", "Ukraine", "-Russia invaded Ukraine on Feb. 24."},
		{"ATTACKS", "Ukraine", `=HYPERLINK("http://evil.example") Russia attacked Ukraine on March 3.`},
		{"ATTACKS", "Ukraine", "@reuters: Russia attacked Ukraine on March 4."},
	} {
		r := oneRow(t, "relations.csv", relations, "subject", "Russia", "relation", want.relation, "object", want.object, "sentence", "'"+want.sentence)
		// Numeric cells stay numbers: a negative Goldstein score is not quoted.
		g, err := strconv.ParseFloat(r["goldstein"], 64)
		if err != nil || g >= 0 || r["goldstein"][0] != '-' {
			t.Errorf("%s row: goldstein %q, want a negative number", want.relation, r["goldstein"])
		}
		if _, err := strconv.Atoi(r["sentence_index"]); err != nil {
			t.Errorf("%s row: sentence_index %q, want an integer", want.relation, r["sentence_index"])
		}
	}
	oneRow(t, "relations.csv", relations, "subject", "Ukraine", "relation", "ACCUSES", "object", "Russia",
		"sentence", "'+Ukraine accused Russia of shelling Kharkiv.")
	// No text cell of any file starts with a formula character.
	for _, f := range workspaceFiles {
		for _, row := range csvRows(t, filepath.Join(cwd, "ws", f.name)) {
			for col, cell := range row {
				if _, err := strconv.ParseFloat(cell, 64); err == nil {
					continue
				}
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: %s cell %q starts with a formula character", f.name, col, cell)
				}
			}
		}
	}
}
