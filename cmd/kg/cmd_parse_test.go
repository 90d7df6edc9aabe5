package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	in := strings.NewReader("Russia invaded Ukraine.\n")
	if code := run(context.Background(), []string{"kg", "parse", "-"}, in, &out, &errOut); code != exitOK {
		t.Fatalf("kg parse exited %d: %s", code, errOut.String())
	}
	want := "# newdoc\n# sent_id = 1\n# text = Russia invaded Ukraine.\n" +
		"1\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tTokenRange=0:6\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("kg parse output starts\n%s\nwant\n%s", out.String(), want)
	}
	for _, line := range []string{
		"2\tinvaded\tinvade\tVERB\tVBD\t",
		"\t0\troot\t_\tTokenRange=7:14\n",
		"3\tUkraine\tUkraine\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tTokenRange=15:22|SpaceAfter=No\n",
	} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("kg parse output lacks %q:\n%s", line, out.String())
		}
	}
	if code := run(context.Background(), []string{"kg", "parse", "a", "b"}, strings.NewReader(""), &out, &errOut); code != exitUsage {
		t.Errorf("kg parse a b exited %d, want %d", code, exitUsage)
	}
}

// TestNLPEvalCommand scores a two-sentence treebank written for the test.
func TestNLPEvalCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.conllu")
	treebank := "# sent_id = 1\n# text = Russia invaded Ukraine.\n" +
		"1\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_\n" +
		"2\tinvaded\tinvade\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tUkraine\tUkraine\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No\n" +
		"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	if err := os.WriteFile(path, []byte(treebank), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"kg", "nlp-eval", "--treebank", path}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("kg nlp-eval exited %d: %s", code, errOut.String())
	}
	if !strings.HasPrefix(out.String(), "NLP upos=1.000 xpos=1.000 lemma=1.000 uas=1.000 las=1.000 sentences=1 tokens=4 tokens_per_s=") {
		t.Errorf("kg nlp-eval printed %q", out.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"kg", "nlp-eval", "--raw", "--treebank", path}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("kg nlp-eval --raw exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), " sentence_f1=1.000 token_f1=1.000") {
		t.Errorf("kg nlp-eval --raw printed %q", out.String())
	}
	if code := run(context.Background(), []string{"kg", "nlp-eval"}, strings.NewReader(""), &out, &errOut); code != exitUsage {
		t.Errorf("kg nlp-eval without --treebank exited %d, want %d", code, exitUsage)
	}
}
