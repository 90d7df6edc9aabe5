//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/graph/csvws"
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

// TestReadersAndWritersWaitForTheLock holds a workspace's lock in this
// process, as an ingest does from its read to its commit, and leaves the
// workspace half written meanwhile (entities.csv without its rows, as
// between two renames of a commit). kg export and a second kg ingest
// started then must say that they wait and must not read the workspace
// until the lock is released; then export reads the whole workspace and the
// ingest adds its article. Without the readers' lock, export fails on the
// half-written files; the wait does not depend on timing.
func TestReadersAndWritersWaitForTheLock(t *testing.T) {
	ws := exportWorkspace(t)
	entities := filepath.Join(ws, "entities.csv")
	full, err := os.ReadFile(entities)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := csvws.Lock(context.Background(), ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if err := os.WriteFile(entities, full[:bytes.IndexByte(full, '\n')+1], 0o644); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(t.TempDir(), "talks.txt")
	if err := os.WriteFile(article, []byte("Kenya hosted talks between Ethiopia and Eritrea on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	type run struct {
		name           string
		cmd            *exec.Cmd
		stdout, stderr bytes.Buffer
		waiting, done  chan struct{}
		err            error
	}
	start := func(args ...string) *run {
		r := &run{name: args[0], cmd: exec.Command(e2eBinary, args...), waiting: make(chan struct{}), done: make(chan struct{})}
		r.cmd.Stdout = &r.stdout
		pipe, err := r.cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := r.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			sc := bufio.NewScanner(pipe)
			said := false
			for sc.Scan() {
				r.stderr.WriteString(sc.Text() + "\n")
				if !said && sc.Text() == "kg: waiting for the workspace "+ws+", which another kg process is using" {
					said = true
					close(r.waiting)
				}
			}
			r.err = r.cmd.Wait()
			close(r.done)
		}()
		return r
	}
	runs := []*run{start("export", ws), start("ingest", article, "--published", "2024-05-06", "--out", ws)}
	for _, r := range runs {
		select {
		case <-r.waiting:
		case <-r.done:
			t.Fatalf("kg %s ended while another process held the workspace (%v): stderr %q", r.name, r.err, r.stderr.String())
		case <-time.After(90 * time.Second):
			r.cmd.Process.Kill()
			t.Fatalf("kg %s did not say it waits for the workspace; stderr so far %q", r.name, r.stderr.String())
		}
	}
	if err := os.WriteFile(entities, full, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		<-r.done
		if r.err != nil {
			t.Fatalf("kg %s after the lock was released: %v; stderr %q", r.name, r.err, r.stderr.String())
		}
	}
	if out := runs[0].stdout.String(); !strings.HasPrefix(out, exportHeader) || !strings.Contains(out, "r00000000000000a1") {
		t.Errorf("kg export wrote %.200q, want the workspace's events", out)
	}
	after, err := os.ReadFile(entities)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Russia", "Kenya", "Eritrea"} {
		if !bytes.Contains(after, []byte(","+name+",")) {
			t.Errorf("entities.csv after the ingest lacks %s:\n%s", name, after)
		}
	}
}
