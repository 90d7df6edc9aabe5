package main

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestParseParamValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
	}{
		{"42", int64(42)},
		{"-7", int64(-7)},
		{"070", "070"}, // a CAMEO code, not 70
		{"+5", "+5"},
		{"7.5", 7.5},
		{"-0.25", -0.25},
		{"1e3", 1000.0},
		{"NaN", "NaN"},
		{"Inf", "Inf"},
		{"true", true},
		{"false", false},
		{"True", "True"},
		{`"130"`, "130"},
		{`"`, `"`},
		{"", ""},
		{"Russia", "Russia"},
		{"a=b", "a=b"},
	} {
		if got := parseParamValue(tc.in); got != tc.want {
			t.Errorf("parseParamValue(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func TestQueryParamsSet(t *testing.T) {
	p := queryParams{}
	for _, s := range []string{"n=Russia", "k=2", "expr=a=b"} {
		if err := p.Set(s); err != nil {
			t.Fatalf("Set(%q): %v", s, err)
		}
	}
	want := queryParams{"n": "Russia", "k": int64(2), "expr": "a=b"}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("params %v, want %v", p, want)
	}
	for _, bad := range []string{"noequals", "=x", "1a=x", "a b=x"} {
		if err := p.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
}

// kgInProcess runs the CLI in-process and returns its exit status, stdout and stderr.
func kgInProcess(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append([]string{"kg"}, args...), strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestNeo4jCommandsUsageErrors(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "RETURN 1"}, "kg: query: no Neo4j configured: give --neo4j-uri or set NEO4J_URI\n"},
		{[]string{"load", t.TempDir()}, "kg: load: no Neo4j configured: give --neo4j-uri or set NEO4J_URI\n"},
		{[]string{"load"}, "kg: load: want one workspace DIR, got 0 arguments\n"},
		{[]string{"query", "--neo4j-uri", "bolt://x", "RETURN 1", "--format", "xml"}, "kg: query: --format \"xml\": want table, csv or json\n"},
		{[]string{"query", "RETURN 1", "--param"}, "kg: query: flag needs an argument: --param\n"},
		{[]string{"query", "RETURN 1", "--nope", "x"}, "kg: query: flag provided but not defined: --nope\n"},
		{[]string{"query", "RETURN 1", "extra"}, "kg: query: want one Cypher statement (quote it), got 2 arguments\n"},
		{[]string{"load", "--neo4j-uri", "bolt://x", "--batch-size", "0", "dir"}, "kg: --batch-size 0: must be at least 1\n"},
	} {
		code, stdout, stderr := kgInProcess(t, tc.args...)
		if code != exitUsage || stdout != "" || stderr != tc.want {
			t.Errorf("kg %q: exit %d, stdout %q, stderr %q; want exit 2 and stderr %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

func TestLoadMissingDirectory(t *testing.T) {
	dir := t.TempDir() + "/absent"
	code, _, stderr := kgInProcess(t, "load", "--neo4j-uri", "bolt://127.0.0.1:1", dir)
	if want := "kg: load: stat " + dir + ": no such file or directory\n"; code != exitFailure || stderr != want {
		t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
	}
}
