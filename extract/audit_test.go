package extract

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
)

// auditFile is the battery of wire-style sentences of issue 10's audit
// (docs/relations.md "The audit battery"): written for it, never taken from
// an article.
const auditFile = "testdata/audit.tsv"

// Floors of the audit battery: the expected triples kg finds must not fall
// below auditFound, the events no line asks for must not rise above
// auditExtra. Raise them when a mechanism finds more.
const (
	auditFound = 121
	auditExtra = 20
)

// auditTriple is one expected triple: the names accepted for the subject
// and the object, and the accepted roots ("19", "!08" for a negated act,
// or a static type).
type auditTriple struct {
	subjects, roots, objects []string
}

// auditLine is one sentence (or a few) of the battery with its construction.
type auditLine struct {
	construction, text string
	want               []auditTriple
}

// readAudit parses the battery.
func readAudit(path string) ([]auditLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []auditLine
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", path, n, len(cols))
		}
		l := auditLine{construction: cols[0], text: cols[1]}
		for _, tr := range strings.Split(cols[2], ";") {
			if strings.TrimSpace(tr) == "" {
				continue
			}
			parts := strings.Split(tr, "|")
			if len(parts) != 3 {
				return nil, fmt.Errorf("%s:%d: triple %q: want subject | root | object", path, n, tr)
			}
			l.want = append(l.want, auditTriple{alternatives(parts[0]), alternatives(parts[1]), alternatives(parts[2])})
		}
		lines = append(lines, l)
	}
	return lines, sc.Err()
}

// alternatives splits "A/B" into its trimmed, lowercased names.
func alternatives(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "/") {
		out = append(out, auditName(strings.TrimSpace(a)))
	}
	return out
}

// auditName is the name as the battery compares it: lowercased, without
// periods or a leading article ("the U.S. military" is "us military").
func auditName(s string) string {
	return strings.TrimPrefix(strings.ReplaceAll(strings.ToLower(s), ".", ""), "the ")
}

// pairs reports whether the triple accepts subject and object as its own.
func (a auditTriple) pairs(subject, object string) bool {
	return slices.Contains(a.subjects, auditName(subject)) && slices.Contains(a.objects, auditName(object))
}

// matches reports whether relation r is one the triple accepts.
func (a auditTriple) matches(r graph.Relation) bool {
	if !a.pairs(r.Subject, r.Object) {
		return false
	}
	for _, root := range a.roots {
		negated := strings.HasPrefix(root, "!")
		root = strings.TrimPrefix(root, "!")
		if negated != r.Negated {
			continue
		}
		if r.CAMEO == "" && strings.EqualFold(root, r.Relation) || len(r.CAMEO) >= 2 && r.CAMEO[:2] == root {
			return true
		}
	}
	return false
}

// TestAuditBattery counts the battery's expected triples kg finds and the
// events it states that no line asks for, by construction, and holds both
// to their floors. `go test ./extract -run TestAuditBattery -v` lists each
// miss with what kg found instead.
func TestAuditBattery(t *testing.T) {
	lines, err := readAudit(auditFile)
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ found, want, extra int }
	by := map[string]*count{}
	var total count
	for _, l := range lines {
		c := by[l.construction]
		if c == nil {
			c = &count{}
			by[l.construction] = c
		}
		g := extractText(t, l.text)
		for _, w := range l.want {
			c.want++
			if slices.ContainsFunc(g.Relations, w.matches) {
				c.found++
			} else {
				t.Logf("MISS %s: %q: %v | %v | %v; got %q", l.construction, l.text, w.subjects, w.roots, w.objects, auditGot(g))
			}
		}
		for _, r := range g.Relations {
			if r.CAMEO == "" {
				continue
			}
			asked := false
			for _, w := range l.want {
				if w.pairs(r.Subject, r.Object) || w.pairs(r.Object, r.Subject) {
					asked = true // the asked act, or its reciprocal, coded otherwise
				}
			}
			if !asked {
				c.extra++
				t.Logf("EXTRA %s: %q: %s %s(%s) %s", l.construction, l.text, r.Subject, r.Relation, r.CAMEO, r.Object)
			}
		}
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := by[n]
		t.Logf("CLASS %-9s found %3d of %3d, extra events %d", n, c.found, c.want, c.extra)
		total.found += c.found
		total.want += c.want
		total.extra += c.extra
	}
	t.Logf("TOTAL found %d of %d, extra events %d", total.found, total.want, total.extra)
	if total.found < auditFound {
		t.Errorf("audit battery: kg finds %d of %d expected triples, below the floor %d", total.found, total.want, auditFound)
	}
	if total.extra > auditExtra {
		t.Errorf("audit battery: %d events no line asks for, above the ceiling %d", total.extra, auditExtra)
	}
}

// auditGot lists a graph's relations with their codes, for the log.
func auditGot(g graph.Graph) []string {
	var out []string
	for _, r := range g.Relations {
		neg := ""
		if r.Negated {
			neg = "!"
		}
		out = append(out, fmt.Sprintf("%s %s%s(%s) %s", r.Subject, neg, r.Relation, r.CAMEO, r.Object))
	}
	return out
}
