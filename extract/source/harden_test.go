package source

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestUTF16IsNamed(t *testing.T) {
	for _, bom := range []string{"\xff\xfe", "\xfe\xff"} {
		if err := Validate(bom+"F\x00r\x00e\x00", 0); !errors.Is(err, ErrUTF16) {
			t.Errorf("UTF-16 with BOM % x: %v, want ErrUTF16", bom, err)
		}
	}
	// Other NUL bytes are still a binary file.
	if err := Validate("F\x00r\x00e\x00", 0); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL bytes without a BOM: %v, want ErrBinary", err)
	}
}

func TestJSONTypeErrorsNameTheField(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", `{"id": 7, "text": "x"}`+"\n"+`[1]`+"\n"+`{"text": "Freedonia shelled Sylvania."}`+"\n"+`{"text": "unterminated`+"\n")
	res, err := Read(context.Background(), []string{p}, Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`a.jsonl:1: field "id": want a string, got a number`,
		`a.jsonl:2: want a JSON object, got an array`,
		`a.jsonl:4: malformed JSON: `,
	}
	if len(res.Skipped) != len(want) || len(res.Articles) != 1 {
		t.Fatalf("skipped %v, %d articles; want %d skips and 1 article", res.Skipped, len(res.Articles), len(want))
	}
	for i, s := range res.Skipped {
		if msg := s.Error(); !strings.HasPrefix(msg, p[:len(p)-len("a.jsonl")]+want[i]) || strings.Contains(msg, "Go ") {
			t.Errorf("skip %d: %q, want %q and no Go type", i, msg, want[i])
		}
	}
}

// FuzzJSONL reads arbitrary bytes as a JSON Lines file with --skip-invalid
// semantics: Read must not panic, and every article it returns is valid
// (non-blank UTF-8 within the size limit) and names its line.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": "a1", "text": "Freedonia shelled Sylvania.", "published": "2024-05-08"}` + "\n",
		`{"id": 7, "text": "x"}` + "\n[1]\n\n" + `{"text": "unterminated`,
		`{"text": "\u0000"}` + "\n" + `{"text": " "}`,
		"\xff\xfe{\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := write(t, dir, "in.jsonl", string(data))
		res, err := Read(context.Background(), []string{p}, Options{SkipInvalid: true, MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		for _, a := range res.Articles {
			if err := Validate(a.Text, 1<<16); err != nil {
				t.Fatalf("article %s is invalid: %v", a.Path, err)
			}
			if !strings.HasPrefix(a.Path, p+":") {
				t.Fatalf("article path %q does not name its line of %s", a.Path, p)
			}
		}
	})
}
