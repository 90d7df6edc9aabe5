package csvws

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// journalFile names the commit journal: while it exists, the workspace is
// between its old and its new files, and the journal lists, one
// "TEMP<TAB>FILE" line per workspace file, the complete, synced temporary
// file that replaces it.
const journalFile = ".kg-commit"

// rename is one step of a commit: the temporary file temp replaces file.
type rename struct{ temp, file string }

// commit replaces the workspace files of dir by their temporary files as
// one step: it first records the renames in the journal (written to a
// temporary file and renamed into place, so the journal is either absent
// or complete), then renames, then removes the journal. A crash before the
// journal is in place leaves the old files; a crash after it leaves a
// journal that finishCommit completes when Lock is next taken. When the
// journal cannot be written, commit removes the temporary files; once it
// is in place, they belong to the journal and stay until it is applied.
func commit(dir string, renames []rename) error {
	var b strings.Builder
	for _, r := range renames {
		fmt.Fprintf(&b, "%s\t%s\n", r.temp, r.file)
	}
	f, err := os.CreateTemp(dir, journalFile+".*.tmp")
	if err != nil {
		removeTemps(dir, renames)
		return fmt.Errorf("write workspace %s: %w", dir, err)
	}
	_, err = f.WriteString(b.String())
	err = errors.Join(err, f.Sync())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, journalFile))
	}
	if err != nil {
		os.Remove(f.Name())
		removeTemps(dir, renames)
		return fmt.Errorf("write workspace %s: journal: %w", dir, err)
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	return applyJournal(dir, renames)
}

// removeTemps removes the temporary files of renames from dir.
func removeTemps(dir string, renames []rename) {
	for _, r := range renames {
		os.Remove(filepath.Join(dir, r.temp))
	}
}

// applyJournal performs the renames a journal lists (a temporary file that
// no longer exists was renamed already), then removes the journal.
func applyJournal(dir string, renames []rename) error {
	for _, r := range renames {
		err := os.Rename(filepath.Join(dir, r.temp), filepath.Join(dir, r.file))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("write workspace %s: %w", dir, err)
		}
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(dir, journalFile)); err != nil {
		return fmt.Errorf("write workspace %s: remove journal: %w", dir, err)
	}
	return syncDir(dir)
}

// removeStaleTemps removes the temporary files that a process killed
// before its commit journal left in dir (the workspace files' and the
// journal's own). It is called under Lock after finishCommit, when no
// temporary file belongs to a commit in progress.
func removeStaleTemps(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("workspace %s: %w", dir, err)
	}
	for _, e := range entries {
		if isTemp(e.Name()) && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("workspace %s: remove stale temporary file: %w", dir, err)
			}
		}
	}
	return nil
}

// isTemp reports whether name is a temporary file of a workspace file or of
// the journal (".entities.csv.123.tmp", ".kg-commit.123.tmp").
func isTemp(name string) bool {
	if !strings.HasSuffix(name, ".tmp") {
		return false
	}
	for _, f := range append([]string{journalFile[1:]}, workspaceFiles...) {
		if strings.HasPrefix(name, "."+f+".") {
			return true
		}
	}
	return false
}

// hasJournal reports whether dir holds a commit journal (or cannot tell).
func hasJournal(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, journalFile))
	return !errors.Is(err, fs.ErrNotExist)
}

// finishCommit completes a commit that a crash interrupted after its
// journal was in place, so the workspace holds the new files, all of them.
// It does nothing when dir has no journal.
func finishCommit(dir string) error {
	path := filepath.Join(dir, journalFile)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("workspace %s: unfinished write: %w", dir, err)
	}
	defer f.Close()
	var renames []rename
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		temp, file, ok := strings.Cut(sc.Text(), "\t")
		// Only workspace files, and only temporaries made for them.
		if !ok || !slices.Contains(workspaceFiles, file) || filepath.Base(temp) != temp ||
			!strings.HasPrefix(temp, "."+file+".") || !isTemp(temp) {
			return fmt.Errorf("workspace %s: unfinished write: %s line %d is not TEMP<TAB>FILE", dir, path, len(renames)+1)
		}
		renames = append(renames, rename{temp, file})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("workspace %s: unfinished write: %w", dir, err)
	}
	return applyJournal(dir, renames)
}
