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

// flock takes an advisory lock on the directory dir itself (so no file is
// added to the workspace), exclusive or shared, waiting while another
// process holds a conflicting one; waiting, if not nil, is called once
// before it waits. It returns the function that releases the lock; the
// system releases it too if the process dies.
func flock(ctx context.Context, dir string, exclusive bool, waiting func()) (unlock func() error, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("lock workspace: %w", err)
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return f.Close, nil // closing the file releases the lock
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("lock workspace %s: %w", dir, err)
		}
		if waiting != nil {
			waiting()
			waiting = nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, fmt.Errorf("lock workspace %s (in use by another kg process): %w", dir, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}
