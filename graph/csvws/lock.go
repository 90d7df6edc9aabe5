package csvws

import (
	"context"
	"fmt"
	"os"
)

// Lock takes the workspace dir exclusively for one read-merge-write
// (creating dir if needed), waiting while another kg process holds it, so
// that two concurrent ingests into one workspace never lose each other's
// records and no reader sees a half-done commit. Holding it, Lock completes
// a commit that a crash interrupted after its journal (see finishCommit):
// the journal is replayed only under this lock; then it removes the
// temporary files that a crash before the journal left. When another process
// holds the workspace, waiting (if not nil) is called once before Lock
// waits. It returns the function that releases the lock.
func Lock(ctx context.Context, dir string, waiting func()) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock workspace: %w", err)
	}
	unlock, err = flock(ctx, dir, true, waiting)
	if err != nil {
		return nil, err
	}
	err = finishCommit(dir)
	if err == nil {
		err = removeStaleTemps(dir)
	}
	if err != nil {
		unlock()
		return nil, err
	}
	return unlock, nil
}

// RLock takes the existing workspace dir shared, for a reader (kg load, kg
// export): readers hold it together, and it waits while a writer holds
// Lock. When a crashed writer left its commit journal, RLock first takes
// Lock to complete that commit. When a writer holds the workspace, waiting
// (if not nil) is called once before RLock waits. It returns the function
// that releases the lock.
func RLock(ctx context.Context, dir string, waiting func()) (unlock func() error, err error) {
	for {
		unlock, err := flock(ctx, dir, false, waiting)
		if err != nil {
			return nil, err
		}
		if !hasJournal(dir) {
			return unlock, nil
		}
		unlock()
		if unlock, err = Lock(ctx, dir, waiting); err != nil {
			return nil, err
		}
		unlock()
	}
}
