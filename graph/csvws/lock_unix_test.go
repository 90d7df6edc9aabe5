//go:build unix

package csvws

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLockExcludesASecondHolder(t *testing.T) {
	dir := t.TempDir() + "/ws"
	unlock, err := Lock(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := Lock(ctx, dir); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second Lock while held = %v, want it to wait until its context ends", err)
	}
	if err := unlock(); err != nil {
		t.Fatal(err)
	}
	unlock, err = Lock(context.Background(), dir)
	if err != nil {
		t.Fatalf("Lock after release: %v", err)
	}
	unlock()
}
