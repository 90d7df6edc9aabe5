package schema

import (
	"testing"
	"testing/fstest"
)

func TestOfficeholders(t *testing.T) {
	m := embeddedCopy(t)
	m["officeholders.tsv"] = &fstest.MapFile{Data: []byte("# test\nname\taliases\taffiliation\trole\tfrom\tto\n" +
		"Ana Valdora\tAna Valdóra|Anna Valdora\tPER\tforeign minister\t2016-07\t2019\n" +
		"Ana Valdora\t-\tUnited Nations\tdirector\t2020-01\t-\n")}
	s, err := Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	terms := s.Officeholders("ANA VALDORA")
	if len(terms) != 2 || terms[0].Affiliation != "PER" || terms[0].Role != "foreign minister" || terms[0].To != "2019" ||
		terms[1].Affiliation != "United Nations" || terms[1].To != "" {
		t.Errorf("Officeholders(ANA VALDORA) = %+v", terms)
	}
	if got := s.Officeholders("Anna Valdora"); len(got) != 1 || got[0].Role != "foreign minister" {
		t.Errorf("an alias of the first row: %+v, want the first tenure only", got)
	}
	if got := s.Officeholders("Ana Valdóra"); len(got) != 2 {
		t.Errorf("the name with a diacritic: %+v, want both tenures", got)
	}
	if got := s.Officeholders("Valdora"); got != nil && len(got) != 0 {
		t.Errorf("a surname alone: %+v, want none", got)
	}
}

func TestParseOfficeholdersErrors(t *testing.T) {
	const header = "name\taliases\taffiliation\trole\tfrom\tto\n"
	for row, want := range map[string]string{
		"Ana Valdora\t-\tXYZ\tpresident\t2016\t-\n":          `officeholders.tsv:2: affiliation "XYZ" is neither a country code of countries.tsv nor an organization of organizations.tsv`,
		"Ana Valdora\t-\tPER\tpresidentess\t2016\t-\n":       `officeholders.tsv:2: role "presidentess" is not a canonical title of titles.tsv`,
		"Ana Valdora\t-\tPER\tPres.\t2016\t-\n":              `officeholders.tsv:2: role "Pres." is not a canonical title of titles.tsv`,
		"Ana Valdora\t-\tPER\tpresident\t2016-13\t-\n":       `officeholders.tsv:2: tenure "2016-13" to "-": want YYYY or YYYY-MM, from before to`,
		"Ana Valdora\t-\tPER\tpresident\t2019-02\t2018-12\n": `officeholders.tsv:2: tenure "2019-02" to "2018-12": want YYYY or YYYY-MM, from before to`,
	} {
		m := embeddedCopy(t)
		m["officeholders.tsv"] = &fstest.MapFile{Data: []byte(header + row)}
		if _, err := Parse(m); err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %q", row, err, want)
		}
	}
}
