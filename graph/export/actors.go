package export

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Actor is one side of an event, coded the way GDELT codes actors.
type Actor struct {
	// Code is the full CAMEO actor code: the country followed by the type
	// code ("RUSGOV", "USAMIL", "UKR"), or, for international actors (IGO,
	// NGO, MNC ...), the type code followed by the known-group code
	// ("IGONAT", "NGOAMN"). Empty when nothing is known.
	Code string
	// Name is the entity's canonical name.
	Name string
	// CountryCode is the ISO 3166-1 alpha-3 code of the actor's country.
	CountryCode string
	// KnownGroupCode is the CAMEO code of a known IGO, NGO or armed group
	// ("UNO", "NAT", "HMS").
	KnownGroupCode string
	// Type1Code is the CAMEO role or type code ("GOV", "MIL", "REB", "IGO").
	Type1Code string
}

// relAffiliation is the relation type that ties a person to the country or
// organization they serve.
const relAffiliation = "AFFILIATION"

// coder derives CAMEO actor codes from the entities of one graph.
type coder struct {
	s        *schema.Schema
	entities map[string]graph.Entity
	// affiliations holds each person's AFFILIATION relations, most
	// confident first (ties by relation id).
	affiliations map[string][]graph.Relation
}

func newCoder(s *schema.Schema, g graph.Graph) *coder {
	c := &coder{s: s, entities: make(map[string]graph.Entity, len(g.Entities)), affiliations: map[string][]graph.Relation{}}
	for _, e := range g.Entities {
		c.entities[e.ID] = e
	}
	for _, r := range g.Relations {
		if r.Relation == relAffiliation && !r.Negated {
			c.affiliations[r.SubjectID] = append(c.affiliations[r.SubjectID], r)
		}
	}
	for _, rs := range c.affiliations {
		slices.SortFunc(rs, func(a, b graph.Relation) int {
			return cmp.Or(cmp.Compare(b.Confidence, a.Confidence), cmp.Compare(a.ID, b.ID))
		})
	}
	return c
}

// actor codes the entity id (named name in the relation) as it acts in
// document docID. An id missing from the graph gives only the name.
func (c *coder) actor(id, name, docID string) Actor {
	e, ok := c.entities[id]
	if !ok {
		return Actor{Name: name}
	}
	if schema.EntityType(e.Type) == schema.Person {
		return c.person(e, docID)
	}
	return c.nonPerson(e)
}

// nonPerson codes an entity that is not a person.
func (c *coder) nonPerson(e graph.Entity) Actor {
	words := strings.Fields(e.Name)
	country := e.Country
	var typ, known string
	switch schema.EntityType(e.Type) {
	case schema.Country:
		if country == "" {
			if ci, ok := c.s.Country(e.Name); ok {
				country = ci.ISO3
			}
		}
	case schema.Organization:
		if o, ok := c.org(e); ok {
			typ, known = o.ActorCode, knownGroups[o.Name]
			country = cmp.Or(country, o.Country)
		} else if b, ok := c.body(words); ok {
			typ = b.ActorCode
			country = cmp.Or(country, b.Country)
		} else {
			typ = headType(words)
		}
	case schema.Group:
		typ = headType(words)
	}
	if country == "" && schema.EntityType(e.Type) != schema.Country {
		country = c.nameCountry(words)
	}
	return c.compose(e.Name, country, typ, known)
}

// compose builds an Actor from its parts, placing the country before the
// type code except for international types, which GDELT writes first.
func (c *coder) compose(name, country, typ, known string) Actor {
	a := Actor{Name: name, CountryCode: country, KnownGroupCode: known, Type1Code: typ}
	if at, ok := c.s.ActorType(typ); ok && at.Category == "international_generic" {
		a.Code = typ + known
	} else {
		a.Code = country + typ + known
	}
	return a
}

// person codes a person by the country or organization of their AFFILIATION
// relation (one from document docID when there is one), adding the type
// their role implies when the affiliation gives none: Sergey Ryabkov,
// deputy foreign minister of Russia, is RUSGOV; a spokesperson of the U.S.
// Department of Defense is USAMIL. Without an affiliation the person's own
// country and first role are used.
func (c *coder) person(e graph.Entity, docID string) Actor {
	var role string
	if len(e.Roles) > 0 {
		role = e.Roles[0]
	}
	if aff, ok := c.affiliation(e.ID, docID); ok {
		org, known := c.entities[aff.ObjectID]
		if known && schema.EntityType(org.Type) != schema.Person {
			a := c.nonPerson(org)
			typ := cmp.Or(a.Type1Code, c.roleType(cmp.Or(aff.Role, role)))
			return c.compose(e.Name, cmp.Or(a.CountryCode, e.Country), typ, a.KnownGroupCode)
		}
	}
	return c.compose(e.Name, e.Country, c.roleType(role), "")
}

// affiliation returns the person's most confident AFFILIATION relation
// stated in document docID, else in any document.
func (c *coder) affiliation(personID, docID string) (graph.Relation, bool) {
	rs := c.affiliations[personID]
	if len(rs) == 0 {
		return graph.Relation{}, false
	}
	if i := slices.IndexFunc(rs, func(r graph.Relation) bool { return r.DocumentID == docID }); i >= 0 {
		return rs[i], true
	}
	return rs[0], true
}

// roleType returns the CAMEO type code a role implies ("deputy foreign
// minister" → GOV, "general" → MIL), reading the longest title at the end of
// the role ("Kremlin spokesperson" → spokesperson), or "".
func (c *coder) roleType(role string) string {
	words := strings.Fields(role)
	for k := range words {
		if t, ok := c.s.Title(words[k:]); ok {
			return titleTypes[t.Canonical]
		}
	}
	return ""
}

// org returns the organization of the gazetteer named by e's canonical
// name, else by one of its aliases.
func (c *coder) org(e graph.Entity) (schema.Org, bool) {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if o, ok := c.s.Org(n); ok {
			return o, true
		}
	}
	return schema.Org{}, false
}

// body recognizes words, or its longest tail, as a government body:
// "Azerbaijan Ministry of Defense", "government forces" (forces).
func (c *coder) body(words []string) (schema.Body, bool) {
	for k := range words {
		if b, ok := c.s.GovernmentBody(words[k:]); ok {
			return b, true
		}
	}
	return schema.Body{}, false
}

// nameCountry returns the ISO3 code of the country, demonym or capital that
// starts a name of more than one word ("Ethiopian officials", "South Korean
// military officials"), or "".
func (c *coder) nameCountry(words []string) string {
	for k := len(words) - 1; k >= 1; k-- {
		prefix := strings.TrimSuffix(strings.Join(words[:k], " "), "'s")
		for _, find := range []func(string) (schema.CountryInfo, bool){c.s.Country, c.s.CountryByDemonym, c.s.CountryByCapital} {
			if ci, ok := find(prefix); ok {
				return ci.ISO3
			}
		}
	}
	return ""
}

// headType returns the CAMEO type code of a group named by its head noun:
// the last two words, else the last word ("military officials" → MIL,
// "rebels" → REB), or "".
func headType(words []string) string {
	n := len(words)
	if n >= 2 {
		if t, ok := groupHeads[strings.ToLower(words[n-2]+" "+words[n-1])]; ok {
			return t
		}
	}
	if n >= 1 {
		return groupHeads[strings.ToLower(words[n-1])]
	}
	return ""
}

// groupHeads maps the head nouns of unnamed groups to CAMEO type codes
// (cameo-actor-types.tsv): violent opposition is REB unless its aims are
// stated (INS, SEP), irregular armed groups are UAF, and ordinary people
// are CVL.
var groupHeads = map[string]string{
	"rebels": "REB", "rebel": "REB", "militants": "REB", "militant": "REB", "fighters": "REB",
	"guerrillas": "REB", "guerrilla": "REB", "jihadists": "REB", "gunmen": "REB", "terrorists": "REB",
	"extremists": "REB", "armed groups": "REB", "armed group": "REB",
	"insurgents": "INS", "insurgent": "INS",
	"separatists": "SEP", "separatist": "SEP",
	"militia": "UAF", "militias": "UAF", "militiamen": "UAF", "paramilitaries": "UAF", "mercenaries": "UAF",
	"officials": "GOV", "official": "GOV", "authorities": "GOV", "ministers": "GOV", "diplomats": "GOV",
	"leaders": "GOV", "leadership": "GOV", "negotiators": "GOV",
	"military officials": "MIL", "defense officials": "MIL", "defence officials": "MIL",
	"commanders": "MIL", "generals": "MIL", "officers": "MIL", "soldiers": "MIL", "troops": "MIL",
	"forces": "MIL", "servicemen": "MIL", "peacekeepers": "MIL",
	"police": "COP", "policemen": "COP", "police officers": "COP",
	"intelligence officials": "SPY", "spies": "SPY",
	"civilians": "CVL", "residents": "CVL", "villagers": "CVL", "people": "CVL", "children": "CVL",
	"women": "CVL", "families": "CVL", "inhabitants": "CVL", "protesters": "CVL", "demonstrators": "CVL",
	"opposition": "OPP",
	"refugees":   "REF", "migrants": "REF", "displaced people": "REF", "asylum seekers": "REF",
	"journalists": "MED", "reporters": "MED", "tv": "MED", "television": "MED", "radio": "MED",
	"newspaper": "MED", "news agency": "MED", "broadcaster": "MED",
	"lawmakers": "LEG", "legislators": "LEG", "parliamentarians": "LEG", "senators": "LEG",
	"judges": "JUD", "prosecutors": "JUD",
	"doctors": "HLH", "medics": "HLH", "health workers": "HLH",
	"farmers": "AGR", "workers": "LAB", "students": "EDU", "teachers": "EDU",
	"businessmen": "BUS", "businesses": "BUS", "investors": "BUS",
	"criminals": "CRM", "gangs": "CRM", "smugglers": "CRM", "traffickers": "CRM", "pirates": "CRM",
	"settlers": "SET",
}

// titleTypes maps canonical titles (schema titles.tsv) to the CAMEO type
// their holders act as. Titles that fit several (director, leader of any
// organization, secretary-general) are left out.
var titleTypes = map[string]string{
	"president": "GOV", "vice president": "GOV", "prime minister": "GOV", "deputy prime minister": "GOV",
	"first deputy prime minister": "GOV", "chancellor": "GOV", "foreign minister": "GOV",
	"deputy foreign minister": "GOV", "defense minister": "GOV", "deputy defense minister": "GOV",
	"interior minister": "GOV", "finance minister": "GOV", "justice minister": "GOV", "minister": "GOV",
	"deputy minister": "GOV", "secretary of state": "GOV", "deputy secretary of state": "GOV",
	"under secretary": "GOV", "assistant secretary": "GOV", "national security adviser": "GOV",
	"adviser": "GOV", "chief of staff": "GOV", "spokesperson": "GOV", "ambassador": "GOV",
	"diplomat": "GOV", "official": "GOV", "governor": "GOV", "mayor": "GOV", "supreme leader": "GOV",
	"king": "GOV", "queen": "GOV", "crown prince": "GOV", "emir": "GOV", "sultan": "GOV",
	"chief of the general staff": "MIL", "commander": "MIL", "general": "MIL", "colonel": "MIL",
	"major": "MIL", "captain": "MIL", "lieutenant": "MIL", "sergeant": "MIL", "admiral": "MIL",
	"marshal":  "MIL",
	"lawmaker": "LEG", "speaker": "LEG", "senator": "LEG", "representative": "LEG",
	"judge": "JUD",
}

// knownGroups maps canonical organization names (schema organizations.tsv)
// to their CAMEO known-group codes (cameo-actor-types.tsv, category
// known_group), for the organizations the CAMEO list names.
var knownGroups = map[string]string{
	"North Atlantic Treaty Organization":                               "NAT",
	"United Nations":                                                   "UNO",
	"United Nations Security Council":                                  "UNO",
	"United Nations General Assembly":                                  "UNO",
	"United Nations Human Rights Council":                              "UNO",
	"Office of the United Nations High Commissioner for Human Rights":  "HCH",
	"United Nations High Commissioner for Refugees":                    "HCR",
	"United Nations Children's Fund":                                   "KID",
	"World Food Programme":                                             "WFP",
	"World Health Organization":                                        "WHO",
	"International Atomic Energy Agency":                               "IAE",
	"Organization for Security and Co-operation in Europe":             "SCE",
	"European Union":                                                   "EEC",
	"European Commission":                                              "EEC",
	"European Parliament":                                              "EEC",
	"Council of the European Union":                                    "EEC",
	"Council of Europe":                                                "COE",
	"Association of Southeast Asian Nations":                           "ASN",
	"Economic Community of West African States":                        "WAS",
	"Southern African Development Community":                           "SAD",
	"Intergovernmental Authority on Development":                       "IAD",
	"Arab League":                                                      "ARL",
	"Gulf Cooperation Council":                                         "GCC",
	"Organization of Islamic Cooperation":                              "OIC",
	"Organization of American States":                                  "OAS",
	"Organization of the Petroleum Exporting Countries":                "OPC",
	"Commonwealth of Independent States":                               "CIS",
	"Commonwealth of Nations":                                          "CWN",
	"Non-Aligned Movement":                                             "NON",
	"Group of Seven":                                                   "GOS",
	"International Criminal Court":                                     "ICC",
	"International Court of Justice":                                   "ICJ",
	"International Monetary Fund":                                      "IMF",
	"World Bank":                                                       "WBK",
	"World Trade Organization":                                         "WTO",
	"Asian Development Bank":                                           "ADB",
	"European Bank for Reconstruction and Development":                 "EBR",
	"International Organization for Migration":                         "IOM",
	"Food and Agriculture Organization":                                "FAO",
	"International Labour Organization":                                "ILO",
	"Interpol":                                                         "ITP",
	"International Committee of the Red Cross":                         "IRC",
	"International Federation of Red Cross and Red Crescent Societies": "CRC",
	"Médecins Sans Frontières":                                         "MSF",
	"Amnesty International":                                            "AMN",
	"Human Rights Watch":                                               "HRW",
	"International Crisis Group":                                       "ICG",
	"Oxfam":                                                            "XFM",
	"Hamas":                                                            "HMS",
	"Palestinian Islamic Jihad":                                        "ISJ",
	"Fatah":                                                            "FTA",
	"Hezbollah":                                                        "HEZ",
	"al-Qaeda":                                                         "ALQ",
	"Taliban":                                                          "TAL",
	"Polisario Front":                                                  "PLS",
	"Kurdistan Democratic Party":                                       "KDP",
}
