package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeArticle writes an invented article into dir and returns its path.
func writeArticle(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestIngestOverBudget(t *testing.T) {
	dir := t.TempDir()
	art := writeArticle(t, dir, "slow.txt", "Freedonia shelled Sylvania on Monday.\n")
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
