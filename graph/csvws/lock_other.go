//go:build !unix

package csvws

import "context"

// Lock is a no-op where advisory file locks are not available: concurrent
// ingests into one workspace are not guarded there.
func Lock(ctx context.Context, dir string) (unlock func() error, err error) {
	return func() error { return nil }, nil
}
