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
