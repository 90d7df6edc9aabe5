package schema

import (
	"regexp"
	"slices"
)

// Officeholder is one person's tenure of one office, from
// data/officeholders.tsv: an actor dictionary in the manner of PETRARCH's
// and ICEWS's, so that "President Vladimir Putin" is Russia's president in
// an article that never says "Russian".
type Officeholder struct {
	Name string
	// Affiliation is the ISO3 code of the state the person serves, or the
	// canonical name of an organization of organizations.tsv.
	Affiliation string
	Role        string // a canonical title of titles.tsv ("president", "defense minister")
	From, To    string // "YYYY" or "YYYY-MM"; To is "" while in office
}

// Officeholders returns the tenures of the person called name (compared
// normalized: case, diacritics and punctuation do not matter), in file
// order; nil for a name the file does not list.
func (s *Schema) Officeholders(name string) []Officeholder {
	idx := s.officeholderByName[NormalizeName(name)]
	out := make([]Officeholder, len(idx))
	for i, k := range idx {
		out[i] = s.officeholders[k]
	}
	return out
}

var tenureDate = regexp.MustCompile(`^(19|20)\d\d(-(0[1-9]|1[0-2]))?$`)

func (s *Schema) parseOfficeholders(text string) error {
	t, err := parseTSV("officeholders.tsv", text, "name", "aliases", "affiliation", "role", "from", "to")
	if err != nil {
		return err
	}
	s.officeholderByName = map[string][]int{}
	roles := map[string]bool{} // the roles checked, which repeat from row to row
	for _, r := range t.rows {
		o := Officeholder{Name: t.get(r, "name"), Affiliation: t.get(r, "affiliation"), Role: t.get(r, "role"), From: t.get(r, "from"), To: t.get(r, "to")}
		if o.To == "-" {
			o.To = ""
		}
		if _, ok := s.countryByISO3[o.Affiliation]; !ok {
			if _, ok := s.Org(o.Affiliation); !ok {
				return t.errorf(r, "affiliation %q is neither a country code of countries.tsv nor an organization of organizations.tsv", o.Affiliation)
			}
		}
		if !roles[o.Role] {
			if title, ok := s.Title([]string{o.Role}); !ok || !title.Role || title.Canonical != NormalizeName(o.Role) {
				return t.errorf(r, "role %q is not a canonical title of titles.tsv", o.Role)
			}
			roles[o.Role] = true
		}
		if !tenureDate.MatchString(o.From) || (o.To != "" && !tenureDate.MatchString(o.To)) || (o.To != "" && o.To < o.From[:min(len(o.From), len(o.To))]) {
			return t.errorf(r, "tenure %q to %q: want YYYY or YYYY-MM, from before to", o.From, t.get(r, "to"))
		}
		for _, n := range append([]string{o.Name}, splitList(t.get(r, "aliases"))...) {
			key := NormalizeName(n)
			if !slices.Contains(s.officeholderByName[key], len(s.officeholders)) {
				s.officeholderByName[key] = append(s.officeholderByName[key], len(s.officeholders))
			}
		}
		s.officeholders = append(s.officeholders, o)
	}
	return nil
}
