package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Gold is one article's gold graph (the ID.json of ../shared/eval).
type Gold struct {
	ID        string         `json:"id"` // defaults to the file name without .json
	Source    string         `json:"source"`
	Published string         `json:"published"` // ISO date, or empty when unknown (null)
	Entities  []GoldEntity   `json:"entities"`
	Relations []GoldRelation `json:"relations"`
}

// GoldEntity is an actor or place the article names.
type GoldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Demonyms []string `json:"demonyms"` // informative only: never used for matching
	Optional bool     `json:"optional"`
}

// GoldRelation is a statement the article makes; each list holds the
// acceptable alternatives.
type GoldRelation struct {
	Subject    []string `json:"subject"` // gold entity names
	Object     []string `json:"object"`  // gold entity names
	Predicates []string `json:"predicates"`
	// CAMEO holds two-digit CAMEO roots for events, or static types
	// (AFFILIATION, MEMBER_OF, PART_OF, LOCATED_IN).
	CAMEO    []string `json:"cameo"`
	Negated  bool     `json:"negated"`
	Optional bool     `json:"optional"`
	Role     string   `json:"role"`
	Evidence string   `json:"evidence"`
}

// Static relation types of the gold format.
const (
	Affiliation = "AFFILIATION"
	MemberOf    = "MEMBER_OF"
	PartOf      = "PART_OF"
	LocatedIn   = "LOCATED_IN"
)

// isStaticType reports whether code is one of the gold static types.
func isStaticType(code string) bool {
	switch code {
	case Affiliation, MemberOf, PartOf, LocatedIn:
		return true
	}
	return false
}

// isCAMEORoot reports whether code is a CAMEO code: at least two digits.
func isCAMEORoot(code string) bool {
	if len(code) < 2 {
		return false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// LoadGold reads and checks the gold graph at path: every entity has a name
// and a type, every relation a subject, an object and at least one code, and
// each code is a CAMEO code (digits) or a static type.
func LoadGold(path string) (Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Gold{}, fmt.Errorf("load gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return Gold{}, fmt.Errorf("load gold %s: %w", path, err)
	}
	if g.ID == "" {
		g.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	if err := g.check(); err != nil {
		return Gold{}, fmt.Errorf("load gold %s: %w", path, err)
	}
	return g, nil
}

// check reports the first structural problem of g.
func (g Gold) check() error {
	for i, e := range g.Entities {
		if strings.TrimSpace(e.Name) == "" || e.Type == "" {
			return fmt.Errorf("entity %d: empty name or type", i+1)
		}
	}
	for i, r := range g.Relations {
		if len(r.Subject) == 0 || len(r.Object) == 0 || len(r.CAMEO) == 0 {
			return fmt.Errorf("relation %d (%q): empty subject, object or cameo", i+1, r.Evidence)
		}
		for _, c := range r.CAMEO {
			if !isCAMEORoot(c) && !isStaticType(c) {
				return fmt.Errorf("relation %d (%q): cameo %q is neither CAMEO digits nor a static type", i+1, r.Evidence, c)
			}
		}
	}
	return nil
}
