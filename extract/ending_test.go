package extract

import "testing"

// TestEndingAnAgreementReducesRelations checks that revoking, scrapping or
// tearing up an agreement with a state reduces relations with it (160) and
// that the agreement noun under such a verb states no agreement of its own,
// nor a cancelled visit a visit; signing one still is one.
func TestEndingAnAgreementReducesRelations(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"revoked a pact", "Chile revoked its defense pact with Peru.", []string{"Chile REDUCES_RELATIONS Peru"}},
		{"tore up a treaty", "Bolivia tore up its border treaty with Paraguay.", []string{"Bolivia REDUCES_RELATIONS Paraguay"}},
		{"scrapped agreements", "Peru scrapped two military agreements with Chile.", []string{"Peru REDUCES_RELATIONS Chile"}},
		{"cancelled visit", "Chile cancelled a visit to Peru.", nil},
		{"signed", "Chile signed a defense pact with Peru.", []string{"Chile SIGNS_AGREEMENT Peru"}},
	})
}
