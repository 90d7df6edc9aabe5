package flat

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"time"
	"unsafe"
)

// CacheEnv names the environment variable that sets the cache directory
// (see Dir); "off" turns the cache off.
const CacheEnv = "KG_CACHE_DIR"

// Dir returns the cache directory: $KG_CACHE_DIR when set, else kg/ in the
// user's cache directory (os.UserCacheDir: ~/.cache/kg on Linux), or ""
// (no cache) when KG_CACHE_DIR is "off" or no user cache directory is
// known.
func Dir() string {
	if d := os.Getenv(CacheEnv); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "kg")
}

// Cache file layout: a header, then the payload. Version changes with the
// layout of the header or of Builder's sections (2: the checksum covers
// the header only).
const (
	magic   = "KGFLATCACHE\n"
	version = 2
	// byteOrderMark is written in the machine's byte order: a file written
	// on a machine of the other order does not match and is rebuilt.
	byteOrderMark = 0x01020304
)

// header is the fixed-size start of a cache file.
type header struct {
	Magic     [12]byte
	Version   uint32
	ByteOrder uint32
	_         uint32
	// Key identifies what the payload was built from (see key).
	Key     [4]uint64
	Payload uint64
	// CRC is the CRC-32C (Castagnoli) of the header up to this field. The
	// payload is not checksummed at each use: reading all of it cost a
	// fifth of a one-article ingest. write syncs the file before renaming
	// it into place, so a crash leaves a complete file or none, and the
	// header's payload length catches a truncated or extended one.
	CRC uint32
	_   uint32
}

const headerSize = int(unsafe.Sizeof(header{}))

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Load returns the payload that build makes from src, the embedded gzip
// file of the cache entry name ("tag.model"), through the cache directory
// dir ("" for none). Without io.Seeker, src is not cached.
//
// The cache file dir/NAME.kgc is used in place (mapped into memory
// read-only, or read where mapping is not available) when its header names
// src (its size, and the CRC-32 and length of its content from its gzip
// trailer) and this executable (its size and modification time: what the
// payload holds is made by this program's code), the header's checksum
// matches and the payload has the length the header gives.
// Otherwise build(src) makes the payload, and Load writes the cache file
// through a temporary file renamed into place, so that processes running
// at once each see a complete file or none. A stale or corrupt file is
// rebuilt, never used. A cache that cannot be written (dir is "", cannot
// be created or is read-only) only costs the decoding: Load returns the
// payload all the same.
func Load(src io.Reader, name, dir string, build func(io.Reader) ([]byte, error)) ([]byte, error) {
	k, kerr := key(src)
	path := filepath.Join(dir, name+".kgc")
	if kerr == nil && dir != "" {
		if p, err := open(path, k); err == nil {
			return p, nil
		}
	}
	p, err := build(src)
	if err != nil {
		return nil, err
	}
	p = aligned(p)
	if kerr == nil && dir != "" {
		write(dir, path, k, p) // best effort: the payload in memory is as good
	}
	return p, nil
}

// key identifies the source src and the running executable; it rewinds
// src. It fails when src cannot seek or the executable is unknown.
func key(src io.Reader) ([4]uint64, error) {
	rs, ok := src.(io.ReadSeeker)
	if !ok {
		return [4]uint64{}, errors.New("flat: source cannot seek")
	}
	end, err := rs.Seek(-8, io.SeekEnd)
	if err != nil {
		return [4]uint64{}, err
	}
	var tr [8]byte
	if _, err := io.ReadFull(rs, tr[:]); err != nil {
		return [4]uint64{}, err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return [4]uint64{}, err
	}
	exe, err := os.Executable()
	if err != nil {
		return [4]uint64{}, err
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return [4]uint64{}, err
	}
	return [4]uint64{uint64(end) + 8, binary.LittleEndian.Uint64(tr[:]), uint64(fi.Size()), uint64(fi.ModTime().UnixNano())}, nil
}

// open returns the payload of the cache file at path, or an error when it
// is missing or not the one of key k.
func open(path string, k [4]uint64) ([]byte, error) {
	b, err := mapFile(path)
	if err != nil {
		return nil, err
	}
	p, err := check(b, k)
	if err != nil {
		unmapFile(b)
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// errStale marks a cache file that is not the payload of the key asked for.
var errStale = errors.New("stale or corrupt cache file")

// check returns the payload of cache file b when its header, with its
// checksum, matches key k and the payload's length.
func check(b []byte, k [4]uint64) ([]byte, error) {
	if len(b) < headerSize || uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 != 0 {
		return nil, errStale
	}
	h := (*header)(unsafe.Pointer(unsafe.SliceData(b)))
	if string(h.Magic[:]) != magic || h.Version != version || h.ByteOrder != byteOrderMark || h.Key != k ||
		h.Payload != uint64(len(b)-headerSize) || checksum(b) != h.CRC {
		return nil, errStale
	}
	return b[headerSize:], nil
}

// checksum is the CRC-32C of the header of cache file b up to its CRC
// field.
func checksum(b []byte) uint32 {
	return crc32.Checksum(b[:unsafe.Offsetof(header{}.CRC)], castagnoli)
}

// encode returns the cache file of payload p for key k.
func encode(p []byte, k [4]uint64) []byte {
	h := header{Version: version, ByteOrder: byteOrderMark, Key: k, Payload: uint64(len(p))}
	copy(h.Magic[:], magic)
	b := make([]byte, headerSize+len(p))
	copy(b[headerSize:], p)
	copy(b, asBytes([]header{h}))
	h.CRC = checksum(b)
	copy(b, asBytes([]header{h}))
	return b
}

// write writes the cache file of payload p for key k at path, in the
// directory dir, through a temporary file renamed into place. It reports
// whether the file was written.
func write(dir, path string, k [4]uint64, p []byte) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	removeStaleTemps(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return false
	}
	_, werr := tmp.Write(encode(p, k))
	if werr == nil {
		werr = tmp.Sync() // the data is on disk before the name is
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
		return false
	}
	return true
}

// staleTemp is the age after which a temporary file of write is taken for
// the leftover of a process that died while writing it.
const staleTemp = 10 * time.Minute

// removeStaleTemps removes the leftover temporary files of the cache file
// name in dir.
func removeStaleTemps(dir, name string) {
	tmps, _ := filepath.Glob(filepath.Join(dir, "."+name+"-*.tmp"))
	for _, t := range tmps {
		if fi, err := os.Stat(t); err == nil && time.Since(fi.ModTime()) > staleTemp {
			os.Remove(t)
		}
	}
}
