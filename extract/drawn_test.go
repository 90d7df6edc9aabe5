package extract

import "testing"

// TestReactionDrawnFromAnActor checks that "X's act drew condemnation (a
// warning, criticism) from Y" is Y's reaction to X, and "X drew
// condemnation from Y" Y's reaction to X with no relation of the drawing
// itself; a reaction with no "from" phrase, and an object that is no
// reaction, give none.
func TestReactionDrawnFromAnActor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"condemnation", "Peru's strikes on Bolivia drew condemnation from Chile.", []string{"Peru ATTACKS Bolivia", "Chile CONDEMNS Peru"}},
		{"warning", "Peru's missile test prompted a warning from Chile.", []string{"Chile WARNS Peru"}},
		{"two reacting", "Bolivia's raid on Tacna drew criticism from Chile and Ecuador.",
			[]string{"Bolivia ATTACKS Tacna", "Chile CRITICIZES Bolivia", "Ecuador CRITICIZES Bolivia"}},
		{"actor draws", "Peru drew condemnation from Chile over the strikes.", []string{"Chile CONDEMNS Peru"}},
		{"no from", "Bolivia's raid on Tacna drew condemnation on Monday.", []string{"Bolivia ATTACKS Tacna"}},
		{"no reaction", "Peru's strikes on Bolivia drew crowds to the border.", []string{"Peru ATTACKS Bolivia"}},
	})
}
