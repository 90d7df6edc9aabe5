package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"kg", "schema"}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("kg schema exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"INVADES", "CREATE CONSTRAINT entity_id", "Country, Person, Organization"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("kg schema output lacks %q", want)
		}
	}
	out.Reset()
	if code := run(context.Background(), []string{"kg", "schema", "extra"}, strings.NewReader(""), &out, &errOut); code != exitUsage {
		t.Errorf("kg schema extra exited %d, want %d", code, exitUsage)
	}
}
