package relate

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/schema"
)

// The CAMEO codes the rules give a relation, and the roots they test a code
// for, named as cameo.tsv names them. The lexicon codes most relations; these
// are the codes of the rules in Go that recode one or make one the lexicon
// does not (a plain statement with a negative cue criticizes, 111); the
// rules of data/constructions.txt name theirs there, checked when the
// schema loads.
const (
	codeStatement           = "010" // Make statement
	codeIntendToCooperate   = "030" // Express intent to cooperate
	codeIntendToMeet        = "036" // Express intent to meet or negotiate
	codeMediate             = "045" // Mediate
	codeCooperateMilitarily = "062" // Cooperate militarily
	codeMilitaryAid         = "072" // Provide military aid
	codeDeescalate          = "087" // De-escalate military engagement
	codeCriticize           = "111" // Criticize or denounce
	codeAccuse              = "112" // Accuse
	codeThreaten            = "130" // Threaten
	codeThreatenForce       = "138" // Threaten to use military force

	rootStatement  = "01" // MAKE PUBLIC STATEMENT
	rootAppeal     = "02" // APPEAL
	rootConsult    = "04" // CONSULT
	rootDisapprove = "11" // DISAPPROVE
)

// ruleRelations are the relation types the rules name, and ruleCodes the
// CAMEO codes and roots; checkVocabulary checks each against the schema
// when the rules load (TestEveryNamedVocabularyIsChecked keeps the lists
// complete).
var (
	ruleRelations = []string{
		schema.RelAffiliation, schema.RelPartOf, schema.RelMemberOf, schema.RelLocatedIn, schema.RelRelatedTo,
		schema.RelAccuses, schema.RelAgreesWith, schema.RelAids, schema.RelAppealsTo, schema.RelCondemns,
		schema.RelCooperatesMilitarily, schema.RelCooperatesWith, schema.RelCriticizes, schema.RelDeclinesComment,
		schema.RelDemands, schema.RelDenies, schema.RelDeploys, schema.RelFights, schema.RelInforms,
		schema.RelMediates, schema.RelMeets, schema.RelMobilizes, schema.RelNegotiatesWith, schema.RelPraises,
		schema.RelPromises, schema.RelProtects, schema.RelProtests, schema.RelRejects,
		schema.RelRequests, schema.RelSignsAgreement, schema.RelStates, schema.RelSupplies, schema.RelSupports,
		schema.RelThreatens, schema.RelTradesWith, schema.RelVetoes, schema.RelWarns, schema.RelYieldsTo,
	}
	ruleCodes = []string{
		codeStatement, codeIntendToCooperate, codeIntendToMeet, codeMediate, codeCooperateMilitarily, codeMilitaryAid,
		codeDeescalate, codeCriticize, codeAccuse, codeThreaten, codeThreatenForce,
		rootStatement, rootAppeal, rootConsult, rootDisapprove,
	}
)

// checkVocabulary reports, in one error, every relation type of
// ruleRelations that is not in the vocabulary of s and every code of
// ruleCodes that is not in its CAMEO table.
func checkVocabulary(s *schema.Schema) error {
	var missing []string
	for _, r := range ruleRelations {
		if _, ok := s.Relation(r); !ok {
			missing = append(missing, "relation "+r+" is not in the vocabulary (relations.tsv)")
		}
	}
	for _, c := range ruleCodes {
		if _, ok := s.Event(c); !ok {
			missing = append(missing, "CAMEO code "+c+" is not in the CAMEO table (cameo.tsv)")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("the rules name what the schema lacks: %s", strings.Join(missing, "; "))
	}
	return nil
}
