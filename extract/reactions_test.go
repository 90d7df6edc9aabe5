package extract

import "testing"

// TestReactionsToNamedActs covers reactions whose object is an earlier
// act or claim named by a noun ("rejected the complaint"): the reaction
// is aimed at who carried the act out.
func TestReactionsToNamedActs(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // exactly these relations, in any order
	}{
		{"a complaint is answered to who complained", "Peru summoned Chile's ambassador on Monday. Chile rejected the complaint.",
			[]string{"Peru CRITICIZES Chile", "Chile REJECTS Peru"}},
		{"an indefinite noun refers to nothing stated", "Peru summoned Chile's ambassador on Monday. Chile rejected a complaint.",
			[]string{"Peru CRITICIZES Chile"}},
		{"a release is welcomed as its agent's act", "The Andes Front released four hostages on Sunday. Bolivia welcomed the release.",
			[]string{"Bolivia PRAISES Andes Front"}},
		{"a noun of the same code names the act", "Peru deployed troops near Arica. Chile criticized the deployment.",
			[]string{"Peru DEPLOYS Arica", "Chile CRITICIZES Peru"}},
		{"the nominalization of the verb names its act", "Peru closed its border with Chile. Chile protested the closure.",
			[]string{"Peru REDUCES_RELATIONS Chile", "Chile PROTESTS Peru"}},
		{"a prepositional object slot of the entry", "Peru deployed troops near Arica. Chile objected to the deployment.",
			[]string{"Peru DEPLOYS Arica", "Chile CRITICIZES Peru"}},
		{"a passive reaction", "Peru closed its border with Chile. The closure was condemned by Bolivia.",
			[]string{"Peru REDUCES_RELATIONS Chile", "Bolivia CONDEMNS Peru"}},
		{"an act of another kind is not what the noun names", "Peru deployed troops near Arica. Chile criticized the release.",
			[]string{"Peru DEPLOYS Arica"}},
		{"the reacting side's own act is not the referent", "Chile deployed troops near Arica. Chile praised the deployment.",
			[]string{"Chile DEPLOYS Arica"}},
		{"an accusation against another side is not answered by this one", "Peru accused Bolivia of smuggling arms. Chile rejected the accusation.",
			[]string{"Peru ACCUSES Bolivia"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}
