package schema

import (
	"slices"
	"strings"
)

// CountryInfo is one state of the country gazetteer.
type CountryInfo struct {
	ISO3      string   // ISO 3166-1 alpha-3 ("USA"); XKX for Kosovo; ISO 3166-3 for historic states
	Name      string   // common English name, the canonical node name ("United States")
	Status    string   // un, observer, other or historic
	Aliases   []string // other names and short forms ("U.S.", "America")
	Demonyms  []string // adjectives and plurals ("American", "Americans")
	Capitals  []string // capital and seat-of-government metonyms ("Washington", "White House")
	Ambiguous []string // names of this row that often mean something else ("Georgia")
}

// IsAmbiguous reports whether name (any of the country's names, demonyms or
// capitals, compared normalized) is flagged as often meaning something else.
func (c CountryInfo) IsAmbiguous(name string) bool {
	n := NormalizeName(name)
	return slices.ContainsFunc(c.Ambiguous, func(a string) bool { return NormalizeName(a) == n })
}

// Org is one organization of the organization gazetteer: alliances, IGOs,
// NGOs, news media, armed groups.
type Org struct {
	Name      string   // canonical name ("North Atlantic Treaty Organization")
	Category  string   // alliance, igo, ngo, media, armed_group, party, company
	ActorCode string   // CAMEO actor type code: IGO, NGO, MED, REB, INS, MIL, SEP, UAF, ...
	Country   string   // home country ISO3 where it applies, else ""
	Aliases   []string // acronyms and other names ("NATO")
	Parent    string   // the organization it is part of ("United Nations" for UNHCR), or ""
	Seat      string   // the city news names it by ("Brussels" for the EU), or ""
}

// Body is a government body: a generic pattern the resolver attaches to the
// country in context ("Foreign Ministry"), or a specific body with its
// country ("Pentagon", "IDF").
type Body struct {
	Canonical string // canonical form ("Ministry of Defense", "Israel Defense Forces")
	Country   string // ISO3 when known (specific body, or a country named in the phrase), else ""
	ActorCode string // CAMEO actor type code: GOV, MIL, LEG, SPY, COP, JUD
	// National marks a state's armed forces as a whole ("armed forces",
	// "Israel Defense Forces", "People's Liberation Army"), not a branch,
	// command or ministry: a MIL body with a name that says armed, defense
	// or defence forces, or ends in "military" ("Chinese military").
	National bool
}

// NationalMilitary reports whether canonical is the canonical name of a
// body that is a state's armed forces as a whole (see Body.National).
func (s *Schema) NationalMilitary(canonical string) bool {
	for _, b := range s.bodies {
		if b.National && b.Canonical == canonical {
			return true
		}
	}
	return false
}

// Place is a region, sea, province, city or facility of the place gazetteer
// (capitals are in the country gazetteer).
type Place struct {
	Name    string   // canonical English name ("Kharkiv", "Black Sea")
	Country string   // ISO3 of the country it lies in; "" for seas, multi-state regions, disputed places
	Class   string   // region, province, city, water or facility
	Aliases []string // other spellings ("Kharkov")
}

// Place returns the place with the given name or alias, compared normalized.
func (s *Schema) Place(name string) (Place, bool) {
	_, i, ok := s.find(KindPlace, name)
	if !ok {
		return Place{}, false
	}
	return s.places[i], true
}

// WeaponSystem is one weapon system or materiel class.
type WeaponSystem struct {
	Name    string   // canonical name ("HIMARS", "Hwasong-*" for a family)
	Class   string   // missile, aircraft, drone, vehicle, artillery, air_defense, ship, small_arms, munition, materiel
	Aliases []string // other names ("M142", "High Mobility Artillery Rocket System")
}

// Title is a title or role word that precedes or follows a person's name.
type Title struct {
	Canonical string // normalized role text ("deputy foreign minister", "general", "mr")
	// Role is true when the title is kept as the person's role (President,
	// General, spokesman); false for honorifics that are only stripped from
	// the name (Mr., Mrs., Dr.).
	Role bool
}

// Country returns the country named name: its name or an alias, compared
// normalized (case, periods, diacritics, a leading "the"): "U.S.", "US" and
// "the United States" all give the United States. Demonyms and capitals are
// looked up with CountryByDemonym and CountryByCapital.
func (s *Schema) Country(name string) (CountryInfo, bool) {
	return s.countryOf(KindCountry, name)
}

// CountryByDemonym returns the country of a demonym ("Russians" → Russia).
func (s *Schema) CountryByDemonym(word string) (CountryInfo, bool) {
	return s.countryOf(KindDemonym, word)
}

// CountryByCapital returns the country whose capital or seat of government
// is name ("Kiev" → Ukraine, "the Kremlin" → Russia).
func (s *Schema) CountryByCapital(name string) (CountryInfo, bool) {
	return s.countryOf(KindCapital, name)
}

// CountryByISO3 returns the country with the ISO 3166-1 alpha-3 code (any case).
func (s *Schema) CountryByISO3(code string) (CountryInfo, bool) {
	i, ok := s.countryByISO3[strings.ToUpper(code)]
	if !ok {
		return CountryInfo{}, false
	}
	return s.countries[i], true
}

// Countries returns every country of the gazetteer in file order.
func (s *Schema) Countries() []CountryInfo { return slices.Clone(s.countries) }

func (s *Schema) countryOf(kind, name string) (CountryInfo, bool) {
	_, i, ok := s.find(kind, name)
	if !ok {
		return CountryInfo{}, false
	}
	return s.countries[i], true
}

// Org returns the organization with the given name or alias ("NATO",
// "Islamic State", "Houthis"), compared normalized.
func (s *Schema) Org(name string) (Org, bool) {
	_, i, ok := s.find(KindOrg, name)
	if !ok {
		return Org{}, false
	}
	return s.orgs[i], true
}

// Weapon returns the weapon system or class with the given name or alias
// ("HIMARS", "anti-tank missiles", "Hwasong-15"), compared normalized. For a
// family entry ("Hwasong-*") the returned Name is the matched name.
func (s *Schema) Weapon(name string) (WeaponSystem, bool) {
	m, i, ok := s.find(KindWeapon, name)
	if !ok {
		return WeaponSystem{}, false
	}
	w := s.weapons[i]
	w.Name = m.Canonical
	return w, true
}

// Title returns the title spelled by words ("Deputy", "Foreign", "Minister"
// or "Gen."), compared normalized.
func (s *Schema) Title(words []string) (Title, bool) {
	_, i, ok := s.find(KindTitle, strings.Join(words, " "))
	if !ok {
		return Title{}, false
	}
	return s.titles[i], true
}

// GovernmentBody recognizes words as a government body and returns its
// canonical form: "Defense Ministry", "Ministry of Defence" and "MoD" all
// give "Ministry of Defense". A leading country name, demonym or capital
// ("Russian Defense Ministry", "Russia's Foreign Ministry", "U.S. State
// Department") sets Country; specific bodies ("Pentagon", "IDF") carry
// their own.
func (s *Schema) GovernmentBody(words []string) (Body, bool) {
	if _, i, ok := s.find(KindBody, strings.Join(words, " ")); ok {
		return s.bodies[i], true
	}
	for k := 1; k < len(words); k++ {
		prefix := strings.Join(words[:k], " ")
		var iso string
		for _, kind := range []string{KindCountry, KindDemonym, KindCapital} {
			if m, _, ok := s.find(kind, prefix); ok {
				iso = m.Country
				break
			}
		}
		if iso == "" {
			continue
		}
		if _, i, ok := s.find(KindBody, strings.Join(words[k:], " ")); ok {
			b := s.bodies[i]
			if b.Country == "" {
				b.Country = iso
			}
			return b, true
		}
	}
	return Body{}, false
}
