//go:build unix

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestExportToANamedPipeKeepsIt checks that kg export --out into an
// existing named pipe writes through it instead of renaming a regular file
// over it (as it did over /dev/null).
func TestExportToANamedPipeKeepsIt(t *testing.T) {
	ws := exportWorkspace(t)
	fifo := filepath.Join(t.TempDir(), "events.pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if code, _, stderr := kgInProcess(t, "export", ws, "--out", fifo); code != exitOK {
		t.Fatalf("kg export --out PIPE: exit %d, stderr %q", code, stderr)
	}
	fi, err := os.Lstat(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeNamedPipe == 0 {
		// The reader waits on the replaced pipe: do not wait for it.
		t.Fatalf("%s is now %v, want the named pipe kept", fifo, fi.Mode())
	}
	if out := <-got; !strings.HasPrefix(out, exportHeader) {
		t.Errorf("read from the pipe %.80q, want the events", out)
	}
}
