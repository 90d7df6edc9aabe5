package schema

import (
	"fmt"
	"regexp"
	"strings"
)

// RelationKind says how a relation type is coded.
type RelationKind string

// The relation kinds.
const (
	// KindEvent is a CAMEO-coded act of the subject toward the object.
	KindEvent RelationKind = "event"
	// KindStatic is a standing fact (AFFILIATION, PART_OF, MEMBER_OF, LOCATED_IN); no CAMEO code.
	KindStatic RelationKind = "static"
	// KindOpen is RELATED_TO: an untyped relation kept with its predicate; no CAMEO code.
	KindOpen RelationKind = "open"
)

// The relation types that are not CAMEO events, named here because code
// creates them directly.
const (
	RelAffiliation = "AFFILIATION"
	RelPartOf      = "PART_OF"
	RelMemberOf    = "MEMBER_OF"
	RelLocatedIn   = "LOCATED_IN"
	RelRelatedTo   = "RELATED_TO"
)

// The event relation types that extraction rules name directly: a rule that
// recodes what the lexicon gave, or tests which relation it gave.
// extract/relate checks each one it uses against the vocabulary when its
// rules load (relate.New).
const (
	RelAccuses              = "ACCUSES"
	RelAgreesWith           = "AGREES_WITH"
	RelAids                 = "AIDS"
	RelAppealsTo            = "APPEALS_TO"
	RelCondemns             = "CONDEMNS"
	RelCooperatesMilitarily = "COOPERATES_MILITARILY"
	RelCooperatesWith       = "COOPERATES_WITH"
	RelCriticizes           = "CRITICIZES"
	RelDeclinesComment      = "DECLINES_COMMENT"
	RelDemands              = "DEMANDS"
	RelDenies               = "DENIES"
	RelDeploys              = "DEPLOYS"
	RelExpels               = "EXPELS"
	RelFights               = "FIGHTS"
	RelInforms              = "INFORMS"
	RelMediates             = "MEDIATES"
	RelMeets                = "MEETS"
	RelMobilizes            = "MOBILIZES"
	RelNegotiatesWith       = "NEGOTIATES_WITH"
	RelPraises              = "PRAISES"
	RelPromises             = "PROMISES"
	RelProtects             = "PROTECTS"
	RelProtests             = "PROTESTS"
	RelReducesRelations     = "REDUCES_RELATIONS"
	RelRejects              = "REJECTS"
	RelRequests             = "REQUESTS"
	RelSignsAgreement       = "SIGNS_AGREEMENT"
	RelStates               = "STATES"
	RelSupplies             = "SUPPLIES"
	RelSupports             = "SUPPORTS"
	RelThreatens            = "THREATENS"
	RelTradesWith           = "TRADES_WITH"
	RelVetoes               = "VETOES"
	RelWarns                = "WARNS"
	RelYieldsTo             = "YIELDS_TO"
)

// RelationType is one entry of the relation vocabulary. Its Name is also the
// Neo4j relationship type.
type RelationType struct {
	Name        string       // UPPER_SNAKE: "WARNS", "SUPPLIES", "AFFILIATION"
	Kind        RelationKind // event, static or open
	CAMEO       string       // default CAMEO code for events, "" otherwise
	Description string
}

// relationName is the shape of a relation type name; it keeps names safe to
// splice into Cypher as relationship types.
var relationName = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)

// Relation returns the relation type with the given name (exact, UPPER_SNAKE).
func (s *Schema) Relation(name string) (RelationType, bool) {
	r, ok := s.relations[name]
	return r, ok
}

// Relations returns the whole vocabulary in display order (events by CAMEO
// root, then static relations, then RELATED_TO).
func (s *Schema) Relations() []RelationType {
	out := make([]RelationType, len(s.relationOrder))
	for i, n := range s.relationOrder {
		out[i] = s.relations[n]
	}
	return out
}

// ValidRelation reports whether name is a relation type of the vocabulary,
// and so may be used as a Neo4j relationship type.
func (s *Schema) ValidRelation(name string) bool {
	_, ok := s.relations[name]
	return ok
}

// RelationConstraints returns, for each relation type of the vocabulary in
// display order, the Cypher statement that creates a uniqueness constraint
// on the id of its relationships, named relation_<type>_id. Neo4j offers
// relationship uniqueness constraints since 5.7, in Community too; the
// constraint's index is how a load finds a relationship by its relation id.
// Each is idempotent (IF NOT EXISTS).
func (s *Schema) RelationConstraints() []string {
	out := make([]string, len(s.relationOrder))
	for i, n := range s.relationOrder {
		out[i] = "CREATE CONSTRAINT relation_" + strings.ToLower(n) + "_id IF NOT EXISTS FOR ()-[r:" + n + "]-() REQUIRE r.id IS UNIQUE"
	}
	return out
}

func (s *Schema) parseRelations(text string) error {
	t, err := parseTSV("relations.tsv", text, "name", "kind", "cameo", "description")
	if err != nil {
		return err
	}
	s.relations = make(map[string]RelationType, len(t.rows))
	for _, r := range t.rows {
		rt := RelationType{
			Name:        t.get(r, "name"),
			Kind:        RelationKind(t.get(r, "kind")),
			Description: t.get(r, "description"),
		}
		if !relationName.MatchString(rt.Name) {
			return t.errorf(r, "relation name %q is not UPPER_SNAKE", rt.Name)
		}
		if _, dup := s.relations[rt.Name]; dup {
			return t.errorf(r, "duplicate relation %q", rt.Name)
		}
		code := t.get(r, "cameo")
		switch rt.Kind {
		case KindEvent:
			if _, ok := s.events[code]; !ok {
				return t.errorf(r, "relation %s: CAMEO code %q not in cameo.tsv", rt.Name, code)
			}
			rt.CAMEO = code
		case KindStatic, KindOpen:
			if code != "-" {
				return t.errorf(r, "relation %s: %s relations take no CAMEO code, got %q", rt.Name, rt.Kind, code)
			}
		default:
			return t.errorf(r, "relation %s: unknown kind %q", rt.Name, rt.Kind)
		}
		s.relations[rt.Name] = rt
		s.relationOrder = append(s.relationOrder, rt.Name)
	}
	for _, n := range []string{RelAffiliation, RelPartOf, RelMemberOf, RelLocatedIn, RelRelatedTo} {
		if _, ok := s.relations[n]; !ok {
			return fmt.Errorf("relations.tsv: relation %s missing", n)
		}
	}
	return nil
}
