//go:build !(linux || darwin)

package flat

import "os"

// mapFile reads the file at path: this system has no mapping here.
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }

// unmapFile releases a file of mapFile: the garbage collector does.
func unmapFile([]byte) {}
