package graph

import "testing"

func TestDocumentID(t *testing.T) {
	// sha256("abc") = ba7816bf8f01cfea414140de5dae2223...
	if got, want := DocumentID("abc"), "ba7816bf8f01cfea"; got != want {
		t.Errorf("DocumentID(abc) = %q, want %q", got, want)
	}
}

func TestEntityID(t *testing.T) {
	// "e" + sha256("Country\x00us")[:16]
	const us = "eeaaf7a3345c46655"
	for _, name := range []string{"US", "U.S.", "The U.S.", "  us  "} {
		if got := EntityID("Country", name); got != us {
			t.Errorf("EntityID(Country, %q) = %q, want %q", name, got, us)
		}
	}
	if EntityID("Organization", "US") == us {
		t.Error("EntityID ignores the type")
	}
	if EntityID("Country", "United States") == us {
		t.Error("EntityID(United States) equals EntityID(US): only normalization may merge names")
	}
}

func TestRelationID(t *testing.T) {
	r := Relation{DocumentID: "d1", SentenceIndex: 3, SubjectID: "e1", Relation: "SUPPLIES",
		CAMEO: "070", ObjectID: "e2", Predicate: "supply weapon", Sentence: "ignored", Confidence: 0.5}
	// "r" + sha256("d1\x003\x00e1\x00SUPPLIES\x00070\x00e2\x00false\x00supply weapon")[:16]
	if got, want := RelationID(r), "rd1565d9e622b3f8c"; got != want {
		t.Errorf("RelationID = %q, want %q", got, want)
	}
	n := r
	n.Negated = true
	if RelationID(n) == RelationID(r) {
		t.Error("RelationID ignores Negated")
	}
}

func TestNormalizeName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"U.S.", "us"},
		{"the United States", "united states"},
		{"An Nasiriyah", "nasiriyah"},
		{"The", "the"},
		{"Russia’s", "russia"},
		{"Ukraine's armed forces", "ukraine s armed forces"},
		{"U.S.'s", "us"},
		{"Al-Shabaab", "al shabaab"},
		{"“Hamas”", "hamas"},
		{"ＮＡＴＯ", "nato"}, // fullwidth letters, NFKC
		{"  Joe   Biden ", "joe biden"},
		{"Côte d’Ivoire", "côte d ivoire"},
		{"", ""},
	} {
		if got := NormalizeName(c.in); got != c.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
