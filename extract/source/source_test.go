package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadDirectoryRecursiveSorted(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "Russia invaded Ukraine.")
	write(t, dir, "sub/a.md", "# Title\n\nNATO met.")
	write(t, dir, "notes.csv", "x,y")
	write(t, dir, ".hidden/c.txt", "hidden")
	res, err := Read(context.Background(), []string{dir}, Options{Published: "2022-03-12"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range res.Articles {
		got = append(got, filepath.Base(a.Path)+"|"+a.Published)
	}
	want := "b.txt|2022-03-12,a.md|2022-03-12"
	if strings.Join(got, ",") != want {
		t.Errorf("articles = %v, want %s", got, want)
	}
}

func TestReadJSONL(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "news.jsonl", `{"id":"a1","title":"T","url":"http://x","published":"March 12, 2022","text":"Russia warned the U.S."}`+"\n\n"+`{"text":"Ukraine thanked NATO."}`+"\n")
	res, err := Read(context.Background(), []string{p}, Options{Published: "2020-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 2 {
		t.Fatalf("got %d articles, want 2", len(res.Articles))
	}
	a, b := res.Articles[0], res.Articles[1]
	if a.ID != "a1" || a.Title != "T" || a.URL != "http://x" || a.Published != "2022-03-12" || a.Path != p+":1" {
		t.Errorf("first article = %+v", a)
	}
	if b.Published != "2020-01-01" || b.Path != p+":3" {
		t.Errorf("second article = %+v", b)
	}
}

func TestReadStdin(t *testing.T) {
	res, err := Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("Kirby spoke.")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 1 || res.Articles[0].Path != "-" || res.Articles[0].Text != "Kirby spoke." {
		t.Errorf("got %+v", res.Articles)
	}
}

func TestReadBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.txt", "  \n")
	binary := write(t, dir, "bin.txt", "abc\x00def")
	badUTF := write(t, dir, "bad.txt", "caf\xe9")
	bigLine := write(t, dir, "big.txt", strings.Repeat("a", 1<<12))
	badJSON := write(t, dir, "bad.jsonl", `{"text":"ok"}`+"\n"+`{"text": broken}`+"\n")
	noText := write(t, dir, "notext.jsonl", `{"title":"x"}`+"\n")
	emptyDir := filepath.Join(dir, "nothing")
	write(t, emptyDir, "readme.csv", "x")
	cases := []struct {
		path string
		is   error
		msg  string
	}{
		{filepath.Join(dir, "missing.txt"), nil, filepath.Join(dir, "missing.txt") + ": no such file or directory"},
		{emptyDir, ErrNoArticles, emptyDir + ": no articles (*.txt, *.md, *.jsonl) found"},
		{empty, ErrEmpty, empty + ": empty article (no text)"},
		{binary, ErrBinary, binary + ": binary file (contains NUL bytes), not a text article"},
		{badUTF, ErrInvalidUTF, badUTF + ": invalid UTF-8"},
		{bigLine, ErrTooLarge, bigLine + ": article too large (more than 1024 bytes)"},
		{badJSON, nil, badJSON + ":2: malformed JSON: invalid character 'b' looking for beginning of value"},
		{noText, nil, noText + `:1: missing "text" field`},
	}
	for _, c := range cases {
		_, err := Read(context.Background(), []string{c.path}, Options{MaxBytes: 1024})
		if err == nil {
			t.Errorf("%s: no error", c.path)
			continue
		}
		if err.Error() != c.msg {
			t.Errorf("error = %q, want %q", err, c.msg)
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: error %v is not %v", c.path, err, c.is)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("error is not one line: %q", err)
		}
	}
}

func TestReadSkipInvalidCounts(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "Russia invaded Ukraine.")
	write(t, dir, "b.txt", "")
	write(t, dir, "c.jsonl", `{"text":"ok"}`+"\n"+`not json`+"\n"+`{"text":"`+strings.Repeat("x", 3000)+`"}`+"\n"+`{"text":"last"}`+"\n")
	res, err := Read(context.Background(), []string{dir}, Options{MaxBytes: 1024, SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Articles) != 3 || len(res.Skipped) != 3 {
		t.Fatalf("articles=%d skipped=%d, want 3 and 3 (%v)", len(res.Articles), len(res.Skipped), res.Skipped)
	}
	if res.Articles[2].Text != "last" {
		t.Errorf("line after an oversized line was not read: %+v", res.Articles[2])
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{"2022-03-12": "2022-03-12", "2022-03-12T08:00:00Z": "2022-03-12", "March 12, 2022": "2022-03-12", "12 March 2022": "2022-03-12"} {
		got, err := NormalizeDate(in)
		if err != nil || got != want {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := NormalizeDate("yesterday"); err == nil || err.Error() != `unrecognized date "yesterday" (want YYYY-MM-DD)` {
		t.Errorf("bad date error = %v", err)
	}
}
