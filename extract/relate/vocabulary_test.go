package relate

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// packageFiles parses the package's non-test Go files.
func packageFiles(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = f
	}
	return out
}

// TestEveryNamedVocabularyIsChecked keeps checkVocabulary complete: the
// relation constants (schema.RelX) and CAMEO constants (codeX, rootX) the
// rules use are exactly those ruleRelations and ruleCodes list, and no rule
// names a relation type or CAMEO code of the schema by a string literal.
func TestEveryNamedVocabularyIsChecked(t *testing.T) {
	s, err := schema.Load()
	if err != nil {
		t.Fatal(err)
	}
	relName, codeName := regexp.MustCompile(`^Rel[A-Z]`), regexp.MustCompile(`^(code|root)[A-Z]`)
	used, listed := map[string]bool{}, map[string]bool{}
	for name, f := range packageFiles(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if len(n.Names) == 1 && (n.Names[0].Name == "ruleRelations" || n.Names[0].Name == "ruleCodes") {
					ast.Inspect(n.Values[0], func(m ast.Node) bool {
						if id, ok := m.(*ast.Ident); ok && (relName.MatchString(id.Name) || codeName.MatchString(id.Name)) {
							listed[id.Name] = true
						}
						return true
					})
					return false
				}
				if name == "vocabulary.go" {
					return false // the constants' declarations
				}
			case *ast.Ident:
				if relName.MatchString(n.Name) || codeName.MatchString(n.Name) {
					used[n.Name] = true
				}
			case *ast.BasicLit:
				if v, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING {
					if _, ok := s.Relation(v); ok {
						t.Errorf("%s: relation %s named by a string literal, not a schema constant", name, v)
					}
					if _, ok := s.Event(v); ok {
						t.Errorf("%s: CAMEO code %s named by a string literal, not a constant of vocabulary.go", name, v)
					}
				}
			}
			return true
		})
	}
	for n := range used {
		if !listed[n] {
			t.Errorf("%s is used by a rule but not checked (add it to ruleRelations or ruleCodes)", n)
		}
	}
	for n := range listed {
		if !used[n] {
			t.Errorf("%s is checked but no rule uses it", n)
		}
	}
}

// TestWordSetFilesAreRead: the word sets loadWords fetches are exactly the
// files of schema/data/words whose header says extract/relate reads them.
func TestWordSetFilesAreRead(t *testing.T) {
	var fetched []string
	ast.Inspect(packageFiles(t)["words.go"], func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Get" && len(c.Args) == 1 {
				if lit, ok := c.Args[0].(*ast.BasicLit); ok {
					name, _ := strconv.Unquote(lit.Value)
					fetched = append(fetched, name)
				}
			}
		}
		return true
	})
	files, err := filepath.Glob("../../schema/data/words/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\nword\n")
		if strings.Contains(strings.Join(strings.Fields(header), " "), "extract/relate") {
			declared = append(declared, strings.TrimSuffix(filepath.Base(f), ".tsv"))
		}
	}
	slices.Sort(fetched)
	if !slices.Equal(fetched, declared) {
		t.Errorf("loadWords fetches %q, the files read by extract/relate are %q", fetched, declared)
	}
}
