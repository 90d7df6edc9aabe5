package extract

import (
	"slices"
	"testing"
)

// TestParticipleOfAnActHasTheActsAgent checks that a participle on an act
// noun ("launched air strikes targeting …") is done by the act's agent:
// the subject of the verb that carried the act out, or the act's own
// possessor; a participle on a noun that is no act borrows no agent.
func TestParticipleOfAnActHasTheActsAgent(t *testing.T) {
	got := triples(extractText(t, "Chile launched air strikes targeting the Shining Path on Sunday."))
	if !slices.Contains(got, "Chile ATTACKS Shining Path") {
		t.Errorf("light verb: got %q, want Chile ATTACKS Shining Path", got)
	}
	got = triples(extractText(t, "Peru carried out raids targeting Bolivian positions near the border."))
	if !slices.Contains(got, "Peru ATTACKS Bolivia") {
		t.Errorf("carried out: got %q, want Peru ATTACKS Bolivia", got)
	}
	got = triples(extractText(t, "Chile arrested men targeting Bolivian officials."))
	if slices.Contains(got, "Chile ATTACKS Bolivia") {
		t.Errorf("no act: got %q, want no attack by Chile", got)
	}
}

// TestDemandThatIsADemandOnTheClausesSubject checks that "X demanded that
// Y …" and "X urged that Y …" are a demand and an appeal to Y, while a
// demand without a clause names no one.
func TestDemandThatIsADemandOnTheClausesSubject(t *testing.T) {
	got := triples(extractText(t, "Peru demanded that Chile stop the incursions."))
	if !slices.Contains(got, "Peru DEMANDS Chile") {
		t.Errorf("demanded that: got %q, want Peru DEMANDS Chile", got)
	}
	got = triples(extractText(t, "Bolivia urged that Paraguay halt the construction of the dam."))
	if !slices.Contains(got, "Bolivia APPEALS_TO Paraguay") {
		t.Errorf("urged that: got %q, want Bolivia APPEALS_TO Paraguay", got)
	}
	got = triples(extractText(t, "Peru demanded an explanation on Monday."))
	if len(got) != 0 {
		t.Errorf("no clause: got %q, want nothing", got)
	}
}
