package extract

import "testing"

// TestTitleOfAKnownOfficeholder covers a title without its state or
// organization held by a person the officeholders gazetteer lists: the
// person serves the state the gazetteer gives, though the text never names
// it. A namesake of a listed person in another office, a listed person
// without a title, and an unlisted person with one get no affiliation from
// it.
func TestTitleOfAKnownOfficeholder(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"a head of state", "President Vladimir Putin said on Tuesday that the talks would go on.",
			[]string{"Vladimir Putin AFFILIATION Russia"}},
		{"a spokesman", "Presidential spokesman Dmitry Peskov told reporters that the visit was useful.",
			[]string{"Dmitry Peskov AFFILIATION Russia"}},
		{"an object with its title", "Peru criticized President Xi Jinping on Monday.",
			[]string{"Peru CRITICIZES Xi Jinping", "Xi Jinping AFFILIATION China"}},
		{"a namesake in another office", "Defence Minister Pedro Sanchez told reporters that the army would stay.", nil},
		{"no title, no affiliation", "Vladimir Putin said on Tuesday that the talks would go on.", nil},
		{"an unlisted person", "President Ana Valdora said on Tuesday that the talks would go on.", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRelations(t, c.text, c.want) })
	}
}
