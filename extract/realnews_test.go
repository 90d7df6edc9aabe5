package extract

import "testing"

// TestParticipleOfAnActHasTheActsAgent checks that a participle on an act
// noun ("launched air strikes targeting …") is done by the act's agent:
// the subject of the verb that carried the act out; a participle on a
// noun that is no act borrows no agent.
func TestParticipleOfAnActHasTheActsAgent(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"light verb", "Chile launched air strikes targeting the Shining Path on Sunday.", []string{"Chile ATTACKS Shining Path"}},
		{"carried out", "Peru carried out raids targeting Bolivian positions near the border.", []string{"Peru ATTACKS Bolivia"}},
		{"no act", "Chile arrested men targeting Bolivian officials.", nil},
	})
}

// TestDemandThatIsADemandOnTheClausesSubject checks that "X demanded that
// Y …" and "X urged that Y …" are a demand and an appeal to Y, while a
// demand without a clause names no one.
func TestDemandThatIsADemandOnTheClausesSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"demanded that", "Peru demanded that Chile stop the incursions.", []string{"Peru DEMANDS Chile"}},
		{"urged that", "Bolivia urged that Paraguay halt the construction of the dam.", []string{"Bolivia APPEALS_TO Paraguay"}},
		{"no clause", "Peru demanded an explanation on Monday.", nil},
	})
}
