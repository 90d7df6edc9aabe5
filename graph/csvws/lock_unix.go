//go:build unix

package csvws

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Lock takes the workspace dir for one read-merge-write (creating dir if
// needed), waiting while another kg process holds it, so that two
// concurrent ingests into one workspace never lose each other's records.
// It returns the function that releases the lock. The lock is advisory
// (flock on the directory itself, so no file is added to the workspace)
// and is released by the system if the process dies.
func Lock(ctx context.Context, dir string) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock workspace: %w", err)
	}
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("lock workspace: %w", err)
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f.Close, nil // closing the file releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("lock workspace %s: %w", dir, err)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("lock workspace %s (in use by another kg process): %w", dir, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
