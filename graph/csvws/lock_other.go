//go:build !unix

package csvws

import "context"

// flock is a no-op where advisory file locks are not available: concurrent
// kg processes on one workspace are not guarded there.
func flock(ctx context.Context, dir string, exclusive bool, waiting func()) (unlock func() error, err error) {
	return func() error { return nil }, nil
}
