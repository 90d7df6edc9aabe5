package csvws

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"
)

// crashedWrite leaves dir as a Write of g that crashed after its journal
// was in place and after the first done renames.
func crashedWrite(t *testing.T, dir string, done int) {
	t.Helper()
	changed := sample()
	changed.Entities[0].Name = "Changed"
	rows := []any{}
	for _, f := range []func() (any, error){
		func() (any, error) { return toRows("document", changed.Documents, documentToRow, rowToDocument) },
		func() (any, error) { return toRows("entity", changed.Entities, entityToRow, rowToEntity) },
		func() (any, error) { return toRows("relation", changed.Relations, relationToRow, rowToRelation) },
		func() (any, error) { return toRows("mention", changed.Mentions, mentionToRow, rowToMention) },
	} {
		r, err := f()
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	var journal strings.Builder
	var renames []rename
	for i, name := range workspaceFiles {
		tmp, err := writeTemp(dir, name, func(w io.Writer) error {
			return gocsv.MarshalCSV(rows[i], gocsv.NewSafeCSVWriter(csv.NewWriter(w)))
		})
		if err != nil {
			t.Fatal(err)
		}
		renames = append(renames, rename{filepath.Base(tmp), name})
		journal.WriteString(filepath.Base(tmp) + "\t" + name + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, journalFile), []byte(journal.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, r := range renames[:done] {
		if err := os.Rename(filepath.Join(dir, r.temp), filepath.Join(dir, r.file)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestInterruptedCommitIsCompletedByTheLock(t *testing.T) {
	ctx := context.Background()
	want := t.TempDir()
	changed := sample()
	changed.Entities[0].Name = "Changed"
	if err := Write(ctx, want, changed); err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		// Both the writer's lock and a reader's complete the commit.
		done, lock, name := i/2, Lock, "Lock"
		if i%2 == 1 {
			lock, name = RLock, "RLock"
		}
		dir := t.TempDir()
		if err := Write(ctx, dir, sample()); err != nil {
			t.Fatal(err)
		}
		crashedWrite(t, dir, done)
		if _, err := Read(ctx, dir); err == nil {
			t.Errorf("crash after %d renames: Read without the lock succeeded, want an error", done)
		}
		unlock, err := lock(ctx, dir, nil)
		if err != nil {
			t.Fatalf("crash after %d renames: %s: %v", done, name, err)
		}
		g, err := Read(ctx, dir)
		unlock()
		if err != nil {
			t.Fatalf("crash after %d renames: Read under %s: %v", done, name, err)
		}
		if g.Entities[0].Name != "Changed" {
			t.Errorf("crash after %d renames: Read gave entity %q, want the new files", done, g.Entities[0].Name)
		}
		// Exactly the new files remain: no journal, no temporaries.
		if got, exp := readAll(t, dir), readAll(t, want); !reflect.DeepEqual(got, exp) {
			t.Errorf("crash after %d renames: workspace holds %v, want the new files only", done, keys(got))
		}
	}
}

func TestInterruptedCommitIsCompletedBeforeTheNextWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := Write(ctx, dir, sample()); err != nil {
		t.Fatal(err)
	}
	crashedWrite(t, dir, 2)
	unlock, err := Lock(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if err := Write(ctx, dir, sample()); err != nil {
		t.Fatal(err)
	}
	want := t.TempDir()
	if err := Write(ctx, want, sample()); err != nil {
		t.Fatal(err)
	}
	if got, exp := readAll(t, dir), readAll(t, want); !reflect.DeepEqual(got, exp) {
		t.Errorf("workspace holds %v, want the last Write's files only", keys(got))
	}
}

func TestBadJournalIsAnError(t *testing.T) {
	ctx := context.Background()
	for _, journal := range []string{
		"just one field\n",
		".x.tmp\tpasswords.txt\n",                // not a workspace file
		"../.entities.csv.1.tmp\tentities.csv\n", // outside the workspace
		".relations.csv.1.tmp\tentities.csv\n",   // another file's temporary
	} {
		dir := t.TempDir()
		if err := Write(ctx, dir, sample()); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, journalFile), []byte(journal), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Lock(ctx, dir, nil)
		want := "workspace " + dir + ": unfinished write: " + filepath.Join(dir, journalFile) + " line 1 is not TEMP<TAB>FILE"
		if err == nil || err.Error() != want {
			t.Errorf("journal %q: Lock error %v, want %q", journal, err, want)
		}
	}
}

func TestStaleTemporariesAreRemovedUnderTheLock(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := Write(ctx, dir, sample()); err != nil {
		t.Fatal(err)
	}
	want := readAll(t, dir)
	// A crash before the journal leaves temporaries; other files stay.
	stale := []string{".entities.csv.123.tmp", ".mentions.csv.9.tmp", ".kg-commit.77.tmp"}
	kept := []string{"notes.tmp", ".other.csv.1.tmp", "events.csv"}
	for _, name := range append(stale, kept...) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unlock, err := Lock(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	unlock()
	got := readAll(t, dir)
	for _, name := range stale {
		if _, ok := got[name]; ok {
			t.Errorf("stale %s still there after Lock", name)
		}
	}
	for _, name := range kept {
		if _, ok := got[name]; !ok {
			t.Errorf("Lock removed %s, which is not a workspace temporary", name)
		}
		delete(got, name)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("workspace holds %v, want %v", keys(got), keys(want))
	}
}

func TestReplacedFilesKeepTheirMode(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := Write(ctx, dir, sample()); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, EntitiesFile), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(ctx, dir, sample()); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]os.FileMode{EntitiesFile: 0o600, RelationsFile: 0o644} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s after a second Write: mode %o, want %o", name, got, want)
		}
	}
}
