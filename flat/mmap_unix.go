//go:build linux || darwin

package flat

import (
	"errors"
	"os"
	"syscall"
)

// mapFile maps the file at path into memory read-only.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() == 0 || int64(int(fi.Size())) != fi.Size() {
		return nil, errors.New("empty or oversized model cache")
	}
	return syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmapFile releases a mapping of mapFile.
func unmapFile(b []byte) { syscall.Munmap(b) }
