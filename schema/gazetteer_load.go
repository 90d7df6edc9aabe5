package schema

import (
	"regexp"
	"slices"
	"strings"
)

var iso3Code = regexp.MustCompile(`^[A-Z]{3}$`)

// addNames puts every name into the trie under one entry; it fails when a
// name is already taken by another entry of the same kind.
func (s *Schema) addNames(t *tsvTable, r tsvRow, names []string, e trieEntry) error {
	for _, n := range names {
		sub := splitName(n)
		if len(sub) == 0 {
			return t.errorf(r, "empty name %q", n)
		}
		if !s.trie.add(sub, e) {
			return t.errorf(r, "%s name %q already belongs to another entry", e.kind, n)
		}
	}
	return nil
}

// checkAmbiguous verifies that every ambiguous name is one of the row's names.
func checkAmbiguous(t *tsvTable, r tsvRow, amb []string, names ...[]string) error {
	for _, a := range amb {
		na := NormalizeName(a)
		found := false
		for _, list := range names {
			if slices.ContainsFunc(list, func(n string) bool { return NormalizeName(n) == na }) {
				found = true
			}
		}
		if !found {
			return t.errorf(r, "ambiguous name %q is not one of the row's names", a)
		}
	}
	return nil
}

// isAmbiguous reports whether n is in the ambiguous list (normalized).
func isAmbiguous(amb []string, n string) bool {
	if len(amb) == 0 {
		return false // most rows: no name to normalize
	}
	nn := NormalizeName(n)
	return slices.ContainsFunc(amb, func(a string) bool { return NormalizeName(a) == nn })
}

func (s *Schema) parseCountries(text string) error {
	t, err := parseTSV("countries.tsv", text, "iso3", "name", "status", "aliases", "demonyms", "capitals", "ambiguous")
	if err != nil {
		return err
	}
	s.countryByISO3 = make(map[string]int, len(t.rows))
	for _, r := range t.rows {
		c := CountryInfo{
			ISO3: t.get(r, "iso3"), Name: t.get(r, "name"), Status: t.get(r, "status"),
			Aliases: splitList(t.get(r, "aliases")), Demonyms: splitList(t.get(r, "demonyms")),
			Capitals: splitList(t.get(r, "capitals")), Ambiguous: splitList(t.get(r, "ambiguous")),
		}
		if !iso3Code.MatchString(c.ISO3) {
			return t.errorf(r, "bad ISO3 code %q", c.ISO3)
		}
		if _, dup := s.countryByISO3[c.ISO3]; dup {
			return t.errorf(r, "duplicate ISO3 code %s", c.ISO3)
		}
		switch c.Status {
		case "un", "observer", "other", "historic":
		default:
			return t.errorf(r, "bad status %q", c.Status)
		}
		names := append([]string{c.Name}, c.Aliases...)
		if err := checkAmbiguous(t, r, c.Ambiguous, names, c.Demonyms, c.Capitals); err != nil {
			return err
		}
		ref := len(s.countries)
		for _, g := range []struct {
			kind, typ string
			names     []string
		}{{KindCountry, string(Country), names}, {KindDemonym, "", c.Demonyms}, {KindCapital, string(Country), c.Capitals}} {
			for _, n := range g.names {
				e := trieEntry{kind: g.kind, ref: ref, canonical: c.Name, typ: g.typ, country: c.ISO3, ambiguous: isAmbiguous(c.Ambiguous, n)}
				if err := s.addNames(t, r, []string{n}, e); err != nil {
					return err
				}
			}
		}
		s.countryByISO3[c.ISO3] = ref
		s.countries = append(s.countries, c)
	}
	return nil
}

func (s *Schema) parseOrgs(text string) error {
	t, err := parseTSV("organizations.tsv", text, "name", "category", "actor_code", "country", "aliases", "ambiguous", "parent", "seat")
	if err != nil {
		return err
	}
	names := map[string]bool{}
	for _, r := range t.rows {
		names[t.get(r, "name")] = true
	}
	for _, r := range t.rows {
		o := Org{
			Name: t.get(r, "name"), Category: t.get(r, "category"), ActorCode: t.get(r, "actor_code"),
			Country: t.get(r, "country"), Aliases: splitList(t.get(r, "aliases")),
		}
		if p := t.get(r, "parent"); p != "-" {
			if !names[p] || p == o.Name {
				return t.errorf(r, "parent %q is not another organization of the table", p)
			}
			o.Parent = p
		}
		if seat := t.get(r, "seat"); seat != "-" {
			o.Seat = seat
		}
		switch o.Category {
		case "alliance", "igo", "ngo", "media", "armed_group", "party", "company":
		default:
			return t.errorf(r, "bad category %q", o.Category)
		}
		if err := s.checkActorAndCountry(t, r, o.ActorCode, &o.Country); err != nil {
			return err
		}
		amb := splitList(t.get(r, "ambiguous"))
		own := append([]string{o.Name}, o.Aliases...)
		if err := checkAmbiguous(t, r, amb, own); err != nil {
			return err
		}
		for _, n := range own {
			e := trieEntry{kind: KindOrg, ref: len(s.orgs), canonical: o.Name, typ: string(Organization), country: o.Country, ambiguous: isAmbiguous(amb, n)}
			if err := s.addNames(t, r, []string{n}, e); err != nil {
				return err
			}
		}
		s.orgs = append(s.orgs, o)
	}
	return nil
}

// checkActorAndCountry validates an actor code and a country field ("-" or
// an ISO3 code of the gazetteer), clearing "-".
func (s *Schema) checkActorAndCountry(t *tsvTable, r tsvRow, actor string, country *string) error {
	if _, ok := s.actorTypes[actor]; !ok {
		return t.errorf(r, "actor code %q not in cameo-actor-types.tsv", actor)
	}
	if *country == "-" {
		*country = ""
	}
	if *country != "" {
		if _, ok := s.countryByISO3[*country]; !ok {
			return t.errorf(r, "country %q not in countries.tsv", *country)
		}
	}
	return nil
}

func (s *Schema) parseBodies(text string) error {
	t, err := parseTSV("bodies.tsv", text, "canonical", "country", "actor_code", "aliases")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		b := Body{Canonical: t.get(r, "canonical"), Country: t.get(r, "country"), ActorCode: t.get(r, "actor_code")}
		if err := s.checkActorAndCountry(t, r, b.ActorCode, &b.Country); err != nil {
			return err
		}
		names := append([]string{b.Canonical}, splitList(t.get(r, "aliases"))...)
		b.National = b.ActorCode == "MIL" && slices.ContainsFunc(names, nationalMilitaryName)
		if _, _, generic := s.find(KindBody, b.Canonical); generic && b.Country != "" {
			// A specific body's canonical name may repeat a generic pattern
			// ("Department of Defense"); then only its aliases identify it.
			names = names[1:]
		}
		// Generic patterns are common nouns: "ministry of information" in
		// lower case is still the Ministry of Information.
		e := trieEntry{kind: KindBody, ref: len(s.bodies), canonical: b.Canonical, typ: string(Organization), country: b.Country, anyCase: b.Country == ""}
		if err := s.addNames(t, r, names, e); err != nil {
			return err
		}
		s.bodies = append(s.bodies, b)
	}
	return nil
}

// plural returns the regular plural of a name's last word, or "" when the
// name has no plural of its own (acronyms ending in S, wildcards).
func plural(name string) string {
	i := strings.LastIndexAny(name, " -")
	last := name[i+1:]
	switch {
	case last == "" || strings.Contains(last, "*"):
		return ""
	case caseOf(last) == caseUpper && strings.HasSuffix(last, "S"):
		return ""
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "x") || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		return name + "es"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		return name[:len(name)-1] + "ies"
	}
	return name + "s"
}

func (s *Schema) parseWeapons(text string) error {
	t, err := parseTSV("weapons.tsv", text, "name", "class", "aliases", "ambiguous")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		w := WeaponSystem{Name: t.get(r, "name"), Class: t.get(r, "class"), Aliases: splitList(t.get(r, "aliases"))}
		switch w.Class {
		case "missile", "aircraft", "drone", "vehicle", "artillery", "air_defense", "ship", "small_arms", "munition", "materiel", "wmd":
		default:
			return t.errorf(r, "bad class %q", w.Class)
		}
		amb := splitList(t.get(r, "ambiguous"))
		names := append([]string{w.Name}, w.Aliases...)
		if err := checkAmbiguous(t, r, amb, names); err != nil {
			return err
		}
		ref := len(s.weapons)
		for _, n := range names {
			e := trieEntry{kind: KindWeapon, ref: ref, canonical: w.Name, typ: string(Weapon), ambiguous: isAmbiguous(amb, n)}
			if err := s.addNames(t, r, []string{n}, e); err != nil {
				return err
			}
			if p := plural(n); p != "" {
				s.trie.add(splitName(p), e) // a plural that collides with another name is left to that name
			}
		}
		s.weapons = append(s.weapons, w)
	}
	return nil
}

func (s *Schema) parseTitles(text string) error {
	t, err := parseTSV("titles.tsv", text, "title", "role", "aliases")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		ti := Title{Canonical: NormalizeName(t.get(r, "title"))}
		switch t.get(r, "role") {
		case "yes":
			ti.Role = true
		case "no":
		default:
			return t.errorf(r, "role must be yes or no, got %q", t.get(r, "role"))
		}
		names := append([]string{t.get(r, "title")}, splitList(t.get(r, "aliases"))...)
		canon := ti.Canonical
		if !ti.Role {
			canon = ""
		}
		e := trieEntry{kind: KindTitle, ref: len(s.titles), canonical: canon}
		if err := s.addNames(t, r, names, e); err != nil {
			return err
		}
		s.titles = append(s.titles, ti)
	}
	return nil
}

func (s *Schema) parsePlaces(text string) error {
	t, err := parseTSV("places.tsv", text, "name", "country", "class", "aliases", "ambiguous")
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		p := Place{Name: t.get(r, "name"), Country: t.get(r, "country"), Class: t.get(r, "class"), Aliases: splitList(t.get(r, "aliases"))}
		switch p.Class {
		case "region", "province", "city", "water", "facility":
		default:
			return t.errorf(r, "bad class %q", p.Class)
		}
		if p.Country == "-" {
			p.Country = ""
		}
		if _, ok := s.countryByISO3[p.Country]; p.Country != "" && !ok {
			return t.errorf(r, "country %q not in countries.tsv", p.Country)
		}
		amb := splitList(t.get(r, "ambiguous"))
		names := append([]string{p.Name}, p.Aliases...)
		if err := checkAmbiguous(t, r, amb, names); err != nil {
			return err
		}
		for _, n := range names {
			e := trieEntry{kind: KindPlace, ref: len(s.places), canonical: p.Name, typ: string(Location), country: p.Country, ambiguous: isAmbiguous(amb, n)}
			if err := s.addNames(t, r, []string{n}, e); err != nil {
				return err
			}
		}
		s.places = append(s.places, p)
	}
	return nil
}

// nationalMilitaryName reports whether a MIL body's name says it is a
// state's armed forces as a whole: "armed forces", "defense forces",
// "… military" ("Indian Armed Forces", "Chinese military"), not "U.S.
// Army" or "military command".
func nationalMilitaryName(name string) bool {
	l := strings.ToLower(name)
	for _, w := range []string{"armed forces", "defense forces", "defence forces", "defense force", "defence force"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return l == "military" || strings.HasSuffix(l, " military") // not "military command"
}
