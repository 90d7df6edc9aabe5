//go:build unix

package csvws

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
)

func TestLockExcludesASecondHolder(t *testing.T) {
	dir := t.TempDir() + "/ws"
	unlock, err := Lock(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := Lock(ctx, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second Lock while held = %v, want it to wait until its context ends", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, err = Lock(context.Background(), dir, nil)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	unlock()
}

func TestSharedLockExcludesOnlyTheWriter(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	r1, err := RLock(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := RLock(ctx, dir, nil)
	if err != nil {
		t.Fatalf("second RLock while a reader holds it: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := Lock(short, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Lock while readers hold it = %v, want it to wait", err)
	}
	r1()
	r2()
	w, err := Lock(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	short, cancel = context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := RLock(short, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("RLock while the writer holds it = %v, want it to wait", err)
	}
	w()
}

// TestReadersNeverSeeAHalfWrite reads the workspace 100 times under RLock
// while a writer merges a new document into it under Lock, and checks that
// every read is whole: each mention's entity and document are in it.
func TestReadersNeverSeeAHalfWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stop := make(chan struct{})
	writer := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				writer <- nil
				return
			default:
			}
			if err := ingestOne(ctx, dir, i); err != nil {
				writer <- err
				return
			}
			// Let a waiting reader in, as the next ingest's extraction does.
			time.Sleep(5 * time.Millisecond)
		}
	}()
	failures := 0
	for i := range 100 {
		unlock, err := RLock(ctx, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Read(ctx, dir)
		unlock()
		if err == nil {
			err = wholeGraph(g)
		}
		if err != nil {
			failures++
			t.Errorf("read %d: %v", i, err)
		}
	}
	close(stop)
	if err := <-writer; err != nil {
		t.Fatalf("writer: %v", err)
	}
	if failures > 0 {
		t.Errorf("%d of 100 reads saw a half-written workspace", failures)
	}
}

// ingestOne merges document i, with one entity and its mention, into the
// workspace dir under Lock, as kg ingest does.
func ingestOne(ctx context.Context, dir string, i int) error {
	unlock, err := Lock(ctx, dir, nil)
	if err != nil {
		return err
	}
	defer unlock()
	base, err := Read(ctx, dir)
	if err != nil {
		return err
	}
	d, e := fmt.Sprintf("d%d", i), fmt.Sprintf("e%d", i)
	add := graph.Graph{
		Documents: []graph.Document{{ID: d, Path: d + ".txt", SHA256: "x", Sentences: 1}},
		Entities:  []graph.Entity{{ID: e, Type: "Country", Name: "Land " + e}},
		Mentions:  []graph.Mention{{EntityID: e, DocumentID: d, Start: 0, End: 4, Text: "Land"}},
	}
	return Write(ctx, dir, graph.Merge(base, add))
}

// wholeGraph reports a mention whose entity or document is missing.
func wholeGraph(g graph.Graph) error {
	docs, ents := map[string]bool{}, map[string]bool{}
	for _, d := range g.Documents {
		docs[d.ID] = true
	}
	for _, e := range g.Entities {
		ents[e.ID] = true
	}
	for _, m := range g.Mentions {
		if !docs[m.DocumentID] || !ents[m.EntityID] {
			return fmt.Errorf("mention of %s in %s: entity or document missing", m.EntityID, m.DocumentID)
		}
	}
	if len(g.Documents) != len(g.Mentions) {
		return fmt.Errorf("%d documents but %d mentions", len(g.Documents), len(g.Mentions))
	}
	return nil
}
