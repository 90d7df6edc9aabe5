package schema

import (
	"fmt"
	"strconv"
)

// Event is one CAMEO event code with its GDELT quad class and Goldstein score.
type Event struct {
	Code      string  // "190", "0874": 2-4 digits, leading zeros significant
	Name      string  // codebook label
	Root      string  // two-digit root code ("19")
	QuadClass int     // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Goldstein float64 // -10 (most conflictual) .. +10 (most cooperative)
}

// ActorType is a CAMEO actor code (role, IGO/NGO, known group ...).
type ActorType struct {
	Code     string // "GOV", "MIL", "REB", "IGO", "NGO", "MED" ...
	Label    string
	Category string // the reference table's category: role_primary, international_generic, known_group ...
}

// Event returns the CAMEO event with the given code ("19", "190", "1823").
func (s *Schema) Event(code string) (Event, bool) {
	e, ok := s.events[code]
	return e, ok
}

// Events returns every CAMEO event code in codebook order.
func (s *Schema) Events() []Event {
	out := make([]Event, len(s.eventCodes))
	for i, c := range s.eventCodes {
		out[i] = s.events[c]
	}
	return out
}

// RootBetween reports whether the two-digit root of CAMEO code lies in
// [lo, hi]: RootBetween("190", 18, 20) is true. Ranges in use: 15-20 shows
// and uses of force, 17-20 coercion and violence, 18-20 violence.
func RootBetween(code string, lo, hi int) bool {
	if len(code) < 2 {
		return false
	}
	r, err := strconv.Atoi(code[:2])
	return err == nil && r >= lo && r <= hi
}

// ActorType returns the CAMEO actor type with the given code. Role and
// generic codes (GOV, MIL, IGO, NGO ...) take precedence over known-group
// codes that share the same letters.
func (s *Schema) ActorType(code string) (ActorType, bool) {
	a, ok := s.actorTypes[code]
	return a, ok
}

func (s *Schema) parseEvents(text string) error {
	t, err := parseTSV("cameo.tsv", text, "code", "name", "root", "quad_class", "goldstein")
	if err != nil {
		return err
	}
	s.events = make(map[string]Event, len(t.rows))
	for _, r := range t.rows {
		e := Event{Code: t.get(r, "code"), Name: t.get(r, "name"), Root: t.get(r, "root")}
		if n := len(e.Code); n < 2 || n > 4 || e.Code[:2] != e.Root {
			return t.errorf(r, "code %q does not fit root %q", e.Code, e.Root)
		}
		if _, dup := s.events[e.Code]; dup {
			return t.errorf(r, "duplicate code %q", e.Code)
		}
		if e.QuadClass, err = strconv.Atoi(t.get(r, "quad_class")); err != nil || e.QuadClass < 1 || e.QuadClass > 4 {
			return t.errorf(r, "bad quad_class %q", t.get(r, "quad_class"))
		}
		if e.Goldstein, err = strconv.ParseFloat(t.get(r, "goldstein"), 64); err != nil || e.Goldstein < -10 || e.Goldstein > 10 {
			return t.errorf(r, "bad goldstein %q", t.get(r, "goldstein"))
		}
		s.events[e.Code] = e
		s.eventCodes = append(s.eventCodes, e.Code)
	}
	return nil
}

// actorCategoryRank orders categories so that role and generic codes win
// over known-group codes with the same letters.
func actorCategoryRank(cat string) int {
	switch cat {
	case "role_primary", "role_party", "role_secondary", "role_tertiary", "role_other", "international_generic":
		return 0
	case "organization_in_type_file", "known_group":
		return 1
	}
	return 2
}

func (s *Schema) parseActorTypes(text string) error {
	t, err := parseTSV("cameo-actor-types.tsv", text, "code", "label", "category", "gdelt_field", "source", "note")
	if err != nil {
		return err
	}
	s.actorTypes = make(map[string]ActorType, len(t.rows))
	for _, r := range t.rows {
		a := ActorType{Code: t.get(r, "code"), Label: t.get(r, "label"), Category: t.get(r, "category")}
		if a.Code == "" {
			return t.errorf(r, "empty code")
		}
		if old, ok := s.actorTypes[a.Code]; ok && actorCategoryRank(old.Category) <= actorCategoryRank(a.Category) {
			continue
		}
		s.actorTypes[a.Code] = a
	}
	if len(s.actorTypes) == 0 {
		return fmt.Errorf("cameo-actor-types.tsv: no rows")
	}
	return nil
}
