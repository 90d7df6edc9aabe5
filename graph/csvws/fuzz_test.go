package csvws

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzRead feeds arbitrary bytes to Read as each workspace file in turn:
// Read must not panic, and what it accepts Write must store, and storing
// it again after reading it back must give the same bytes.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	if err := Write(context.Background(), dir, sample()); err != nil {
		f.Fatal(err)
	}
	for i, name := range workspaceFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), data)
	}
	f.Add(uint8(1), []byte("id,type,name\n\"unterminated\n"))
	f.Add(uint8(2), []byte{0xff, 0xfe, 0, 0})
	f.Fuzz(func(t *testing.T, file uint8, data []byte) {
		ctx := context.Background()
		dir := t.TempDir()
		name := workspaceFiles[int(file)%len(workspaceFiles)]
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		g, err := Read(ctx, dir)
		if err != nil {
			return
		}
		out := t.TempDir()
		if err := Write(ctx, out, g); err != nil {
			t.Fatalf("Write of what Read accepted: %v", err)
		}
		again, err := Read(ctx, out)
		if err != nil {
			t.Fatalf("Read of what Write stored: %v", err)
		}
		out2 := t.TempDir()
		if err := Write(ctx, out2, again); err != nil {
			t.Fatalf("second Write: %v", err)
		}
		if a, b := readAll(t, out), readAll(t, out2); !reflect.DeepEqual(a, b) {
			t.Fatalf("round trip changed the files:\n%q\n%q", a, b)
		}
	})
}
