package schema

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCountryGazetteer(t *testing.T) {
	s := mustLoad(t)
	un := 0
	seen := map[string]bool{}
	for _, c := range s.Countries() {
		if seen[c.ISO3] {
			t.Errorf("ISO3 %s twice", c.ISO3)
		}
		seen[c.ISO3] = true
		if c.Status == "un" {
			un++
		}
	}
	if un != 193 {
		t.Errorf("%d UN members, want 193", un)
	}
	for _, iso := range []string{"VAT", "PSE", "TWN", "XKX", "SUN", "YUG"} {
		if !seen[iso] {
			t.Errorf("%s missing", iso)
		}
	}
}

func TestCountryLookups(t *testing.T) {
	s := mustLoad(t)
	cases := []struct {
		fn   func(string) (CountryInfo, bool)
		name string
		iso  string
	}{
		{s.Country, "U.S.", "USA"},
		{s.Country, "US", "USA"},
		{s.Country, "the United States", "USA"},
		{s.Country, "The United States of America", "USA"},
		{s.Country, "united states", "USA"},
		{s.Country, "Britain", "GBR"},
		{s.Country, "U.K.", "GBR"},
		{s.Country, "DPRK", "PRK"},
		{s.Country, "ROK", "KOR"},
		{s.Country, "Russian Federation", "RUS"},
		{s.Country, "DR Congo", "COD"},
		{s.Country, "Cote d’Ivoire", "CIV"},
		{s.Country, "Côte d'Ivoire", "CIV"},
		{s.Country, "Ivory Coast", "CIV"},
		{s.Country, "Burma", "MMR"},
		{s.Country, "Türkiye", "TUR"},
		{s.Country, "Guinea-Bissau", "GNB"},
		{s.Country, "Guinea Bissau", "GNB"},
		{s.Country, "Russia's", "RUS"},
		{s.CountryByCapital, "Kiev", "UKR"},
		{s.CountryByCapital, "Kyiv", "UKR"},
		{s.CountryByCapital, "the Kremlin", "RUS"},
		{s.CountryByCapital, "White House", "USA"},
		{s.CountryByCapital, "Downing Street", "GBR"},
		{s.CountryByCapital, "Pyongyang", "PRK"},
		{s.CountryByDemonym, "Russians", "RUS"},
		{s.CountryByDemonym, "Yemeni", "YEM"},
		{s.CountryByDemonym, "Azerbaijani", "AZE"},
		{s.CountryByDemonym, "North Korean", "PRK"},
		{s.CountryByDemonym, "British", "GBR"},
		{s.CountryByISO3, "ukr", "UKR"},
	}
	for _, c := range cases {
		got, ok := c.fn(c.name)
		if !ok || got.ISO3 != c.iso {
			t.Errorf("lookup(%q) = %s, %v; want %s", c.name, got.ISO3, ok, c.iso)
		}
	}
	for _, name := range []string{"Kiev", "Russians", "Ukrainian"} {
		if c, ok := s.Country(name); ok {
			t.Errorf("Country(%q) = %s; capitals and demonyms are not country names", name, c.ISO3)
		}
	}
	if _, ok := s.Country("Atlantis"); ok {
		t.Error("Country(Atlantis) found")
	}
}

func TestAmbiguousNames(t *testing.T) {
	s := mustLoad(t)
	for name, iso := range map[string]string{"Georgia": "GEO", "Jordan": "JOR", "Chad": "TCD", "Congo": "COG", "Turkey": "TUR"} {
		c, ok := s.Country(name)
		if !ok || c.ISO3 != iso || !c.IsAmbiguous(name) {
			t.Errorf("Country(%q) = %s, %v, ambiguous %v; want %s flagged ambiguous", name, c.ISO3, ok, c.IsAmbiguous(name), iso)
		}
	}
	c, _ := s.Country("Republic of the Congo")
	if c.IsAmbiguous("Republic of the Congo") {
		t.Error("Republic of the Congo flagged ambiguous")
	}
	if c, _ := s.Country("Ukraine"); c.IsAmbiguous("Ukraine") {
		t.Error("Ukraine flagged ambiguous")
	}
}

func TestOrgLookups(t *testing.T) {
	s := mustLoad(t)
	cases := []struct{ name, canon, code, country string }{
		{"NATO", "North Atlantic Treaty Organization", "IGO", ""},
		{"Nato", "North Atlantic Treaty Organization", "IGO", ""},
		{"the U.N. Security Council", "United Nations Security Council", "IGO", ""},
		{"ISIL", "Islamic State", "INS", ""},
		{"Daesh", "Islamic State", "INS", ""},
		{"Ansar Allah", "Houthis", "REB", "YEM"},
		{"al Qaeda", "al-Qaeda", "INS", ""},
		{"TASS", "TASS", "MED", "RUS"},
		{"Red Cross", "International Committee of the Red Cross", "NGO", ""},
		{"RSF", "Rapid Support Forces", "UAF", "SDN"},
		{"Médecins Sans Frontières", "Médecins Sans Frontières", "NGO", ""},
	}
	for _, c := range cases {
		o, ok := s.Org(c.name)
		if !ok || o.Name != c.canon || o.ActorCode != c.code || o.Country != c.country {
			t.Errorf("Org(%q) = %+v, %v; want %s %s %q", c.name, o, ok, c.canon, c.code, c.country)
		}
	}
}

func TestGovernmentBody(t *testing.T) {
	s := mustLoad(t)
	cases := []struct {
		words          string
		canon, country string
	}{
		{"Defense Ministry", "Ministry of Defense", ""},
		{"Ministry of Defence", "Ministry of Defense", ""},
		{"Russian Defense Ministry", "Ministry of Defense", "RUS"},
		{"Russia's Foreign Ministry", "Ministry of Foreign Affairs", "RUS"},
		{"the U.S. Department of Defense", "Department of Defense", "USA"},
		{"Defense Department", "Department of Defense", ""},
		{"Pentagon", "Department of Defense", "USA"},
		{"DoD", "Department of Defense", "USA"},
		{"State Department", "Department of State", "USA"}, // bare, it is the U.S. one in English-language news
		{"Ukrainian armed forces", "Armed Forces of Ukraine", "UKR"},
		{"Eritrean army", "Eritrean Defence Forces", "ERI"},
		{"Chinese navy", "navy", "CHN"},
		{"IDF", "Israel Defense Forces", "ISR"},
		{"ENDF", "Ethiopian National Defense Force", "ETH"},
		{"Kremlin's national security council", "National Security Council", "RUS"},
	}
	for _, c := range cases {
		b, ok := s.GovernmentBody(strings.Fields(c.words))
		if !ok || b.Canonical != c.canon || b.Country != c.country {
			t.Errorf("GovernmentBody(%q) = %+v, %v; want %q %q", c.words, b, ok, c.canon, c.country)
		}
	}
	// Generic patterns match in lower case; acronyms and specific names keep their case.
	got := matchString(s.Match(strings.Fields("the Eritrean ministry of information and the Saudi-led coalition and Israel Defense Forces , not a mod or the pentagon")))
	want := "body:Ministry of Information:ERI[01,05) org:Saudi-led coalition:[07,09) body:Israel Defense Forces:ISR[10,13)"
	if got != want {
		t.Errorf("Match:\n got %s\nwant %s", got, want)
	}
	// A demonym and a body win over a shorter specific body at the same
	// place ("Turkish military" is the Turkish Armed Forces); well-known
	// services are specific bodies of their state.
	got = matchString(s.Match(strings.Fields("a Turkish military intelligence official and a Turkish military officer met Ukrainian military intelligence and Russia 's FSB")))
	want = "body:intelligence service:TUR[01,04) title:official:[04,05) body:Turkish Armed Forces:TUR[07,09) body:Main Directorate of Intelligence:UKR[11,14) body:Federal Security Service:RUS[15,18)"
	if got != want {
		t.Errorf("Match:\n got %s\nwant %s", got, want)
	}
	if b, ok := s.GovernmentBody([]string{"Foreign", "Bakery"}); ok {
		t.Errorf("GovernmentBody(Foreign Bakery) = %+v", b)
	}
}

func TestWeaponLookups(t *testing.T) {
	s := mustLoad(t)
	cases := []struct{ name, canon, class string }{
		{"HIMARS", "HIMARS", "artillery"},
		{"Hwasong-15", "Hwasong-15", "missile"},
		{"Hwasong 17", "Hwasong-17", "missile"},
		{"Nodong", "Rodong", "missile"},
		{"anti-tank missiles", "anti-tank missile", "missile"},
		{"S-400", "S-400", "air_defense"},
		{"F-16s", "F-16", "aircraft"},
		{"body armor", "body armor", "materiel"},
		{"Shahed 136", "Shahed-136", "drone"},
		{"drones", "drone", "drone"},
	}
	for _, c := range cases {
		w, ok := s.Weapon(c.name)
		if !ok || w.Name != c.canon || w.Class != c.class {
			t.Errorf("Weapon(%q) = %+v, %v; want %s %s", c.name, w, ok, c.canon, c.class)
		}
	}
}

func TestTitles(t *testing.T) {
	s := mustLoad(t)
	cases := []struct {
		words string
		canon string
		role  bool
	}{
		{"Deputy Foreign Minister", "deputy foreign minister", true},
		{"Gen.", "general", true},
		{"Lt. Col.", "colonel", true},
		{"spokeswoman", "spokesperson", true},
		{"Mr.", "mr", false},
		{"Dr", "dr", false},
		{"Secretary of State", "secretary of state", true},
	}
	for _, c := range cases {
		ti, ok := s.Title(strings.Fields(c.words))
		if !ok || ti.Canonical != c.canon || ti.Role != c.role {
			t.Errorf("Title(%q) = %+v, %v; want %q role=%v", c.words, ti, ok, c.canon, c.role)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	cases := map[string]string{
		"the U.S.":             "us",
		"US":                   "us",
		"Côte d’Ivoire":        "cote d ivoire",
		"Russia's":             "russia",
		"  The  Gambia ":       "gambia",
		"Guinea–Bissau":        "guinea bissau",
		"Bosnia & Herzegovina": "bosnia and herzegovina",
	}
	for in, want := range cases {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// matchString renders matches as "kind:canonical[start,end)" for comparison.
func matchString(ms []GazetteerMatch) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s:%s:%s[%02d,%02d)", m.Kind, m.Canonical, m.Country, m.Start, m.End))
	}
	return strings.Join(parts, " ")
}

func TestMatchLongest(t *testing.T) {
	s := mustLoad(t)
	// Written for this test: longest match, acronyms, possessives, capitals,
	// and words that must not match in lower case.
	sentence := "The United States Department of Defense told us that the U.S. and the UK sent HIMARS and anti-tank missiles to Kyiv , while Russia 's Deputy Foreign Minister met NATO officials in Georgia who saw turkey ."
	tokens := strings.Fields(sentence)
	got := s.Match(tokens)
	want := "body:Department of Defense:USA[01,06) country:United States:USA[10,11) country:United Kingdom:GBR[13,14) weapon:HIMARS:[15,16) weapon:anti-tank missile:[17,19) capital:Ukraine:UKR[20,21) country:Russia:RUS[23,24) title:deputy foreign minister:[25,28) org:North Atlantic Treaty Organization:[29,30) title:official:[30,31) country:Georgia:GEO[32,33)"
	if g := matchString(got); g != want {
		t.Errorf("Match:\n got %s\nwant %s", g, want)
	}
	for _, m := range got {
		if m.Canonical == "Georgia" && !m.Ambiguous {
			t.Error("Georgia match not flagged ambiguous")
		}
	}
	// "US" in capitals is the country; "U.S.-made" as one token is not a match.
	got = s.Match([]string{"US", "troops", "used", "U.S.-made", "Patriots", "near", "Hwasong-18", "sites"})
	want = "body:armed forces:USA[00,02) weapon:Patriot:[04,05) weapon:Hwasong-18:[06,07)"
	if g := matchString(got); g != want {
		t.Errorf("Match:\n got %s\nwant %s", g, want)
	}
	if slices.ContainsFunc(got, func(m GazetteerMatch) bool { return m.Kind == KindCountry && m.Start == 3 }) {
		t.Error("matched inside a hyphenated token")
	}
}

func TestBritishAndAmericanSpellingsMatch(t *testing.T) {
	s := mustLoad(t)
	for _, name := range []string{"South Sudan People's Defence Forces", "South Sudan People's Defense Forces"} {
		got := s.Match(strings.Fields(name))
		if len(got) != 1 || got[0].Canonical != "South Sudan People's Defence Forces" || got[0].End != len(strings.Fields(name)) {
			t.Errorf("Match(%q) = %s, want the whole name", name, matchString(got))
		}
	}
}

func TestPlaces(t *testing.T) {
	s := mustLoad(t)
	cases := []struct{ name, canon, country, class string }{
		{"Kharkov", "Kharkiv", "UKR", "city"},
		{"the Black Sea", "Black Sea", "", "water"},
		{"Donbass", "Donbas", "UKR", "region"},
		{"Karabakh", "Nagorno-Karabakh", "AZE", "region"},
	}
	for _, c := range cases {
		p, ok := s.Place(c.name)
		if !ok || p.Name != c.canon || p.Country != c.country || p.Class != c.class {
			t.Errorf("Place(%q) = %+v, %v; want %s %q %s", c.name, p, ok, c.canon, c.country, c.class)
		}
	}
	// A region name shadows the country alias inside it.
	got := matchString(s.Match([]string{"Talks", "in", "South", "America", "and", "America"}))
	want := "place:South America:[02,04) country:United States:USA[05,06)"
	if got != want {
		t.Errorf("Match = %s, want %s", got, want)
	}
}
