package tokenize

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kg-project/kg/extract/nlp"
)

// texts returns the token texts joined by spaces.
func texts(toks []nlp.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"possessive", "Russia's invasion", "Russia 's invasion"},
		{"curly possessive", "Russia’s deputy", "Russia ’s deputy"},
		{"possessive acronym", "the U.S. DoD’s spokesman", "the U.S. DoD ’s spokesman"},
		{"plural possessive", "Jim Steffes' cost", "Jim Steffes ' cost"},
		{"n't", "didn't respond", "did n't respond"},
		{"curly n't", "shouldn’t have", "should n’t have"},
		{"can't", "I can't go", "I ca n't go"},
		{"won't", "he won't stop", "he wo n't stop"},
		{"capital N'T", "DON'T", "DO N'T"},
		{"clitics", "they're we've you'll I'd I'm it's", "they 're we 've you 'll I 'd I 'm it 's"},
		{"curly clitics", "we’re I’m", "we ’re I ’m"},
		{"fused", "I cannot, gonna, dont, cant", "I can not , gon na , do nt , ca nt"},
		{"apostrophe in name", "O'Connell and Qa'ida", "O'Connell and Qa'ida"},
		{"year apostrophe", "in '72 and the '60s", "in '72 and the '60s"},
		{"single quotes", "launches 'anti-terrorist operation' in", "launches ' anti-terrorist operation ' in"},
		{"doubled quotes", "``Hi'' he said", "`` Hi '' he said"},
		{"abbreviations", "Lt. Col. Smith met Dr. Jones and Mr. Lee of Acme Inc. on Feb. 24",
			"Lt. Col. Smith met Dr. Jones and Mr. Lee of Acme Inc. on Feb. 24"},
		{"acronym before noun", "the U.S. military and U.N. resolution", "the U.S. military and U.N. resolution"},
		{"acronym before name", "The U.S. State Department said", "The U.S. State Department said"},
		{"a.m.", "at 8 a.m. Wednesday", "at 8 a.m. Wednesday"},
		{"abbreviation comma", "Gen. Smith, etc., and p.m., too", "Gen. Smith , etc. , and p.m. , too"},
		{"initials", "George W. Bush and J. R. R. Tolkien", "George W. Bush and J. R. R. Tolkien"},
		{"final abbreviation end of text", "taxes, etc.", "taxes , etc ."},
		{"final acronym new sentence", "in the U.S. The next day", "in the U.S . The next day"},
		{"final abbreviation line break", "at 2:30 p.m.\nThanks", "at 2:30 p.m . Thanks"},
		{"title never final", "Dr. He", "Dr. He"},
		{"numbered", "No. 5 but No. Never", "No. 5 but No . Never"},
		{"sentence period", "on March 12. Then", "on March 12 . Then"},
		{"hyphen split", "a decades-long dispute in Nagorno-Karabakh", "a decades - long dispute in Nagorno - Karabakh"},
		{"hyphen prefix", "anti-tank and anti-armor, de-Nazify, e-mail, pro-government, non-violence",
			"anti-tank and anti-armor , de-Nazify , e-mail , pro-government , non-violence"},
		{"hyphen after abbreviation", "the U.S.-orchestrated inundation", "the U.S. - orchestrated inundation"},
		{"hyphen numbers", "155-mm shells, a 27-year-old, 1969-1970", "155 - mm shells , a 27 - year - old , 1969 - 1970"},
		{"phone", "call 713-853-3989 or 345-9945", "call 713-853-3989 or 345-9945"},
		{"dangling hyphen", "returned fire- along", "returned fire - along"},
		{"numbers", "1,000 people, 3.5 million, 5,600 dead at 5:00 on 11/28/2000 and 9/11",
			"1,000 people , 3.5 million , 5,600 dead at 5:00 on 11/28/2000 and 9/11"},
		{"ordinals and decades", "the 20th and 1970s", "the 20th and 1970s"},
		{"money", "$6 billion and $3.5m", "$ 6 billion and $ 3.5 m"},
		{"units and times", "35mm guns at 7:30PM, 5pm and 10 a.m., 2km away", "35 mm guns at 7:30 PM , 5 pm and 10 a.m. , 2 km away"},
		{"ellipsis before question mark", "Really...? Yes.?", "Really ... ? Yes .?"},
		{"percent", "40% of", "40 % of"},
		{"comma not thousands", "1,2 and 10,50", "1 , 2 and 10 , 50"},
		{"curly quotes", "“no signs” of", "“ no signs ” of"},
		{"straight quotes", `the "grave threat" to`, `the " grave threat " to`},
		{"quote after comma", `targets,” he said.`, `targets , ” he said .`},
		{"em dash", "Kashmir—and", "Kashmir — and"},
		{"en dash", "2018–2020 era – now", "2018 – 2020 era – now"},
		{"double hyphen", "first -- a meeting--then", "first -- a meeting -- then"},
		{"url", "see http://www.un.org/ha/chernobyl/. Then", "see http://www.un.org/ha/chernobyl/ . Then"},
		{"url in parens", "(https://example.com/a?b=c)", "( https://example.com/a?b=c )"},
		{"www", "www.risk-conferences.com/risk2001aus", "www.risk-conferences.com/risk2001aus"},
		{"email", "mail carol.st.clair@enron.com.", "mail carol.st.clair@enron.com ."},
		{"email host", "to Rice@ENRON today", "to Rice@ENRON today"},
		{"handle and hashtag", "@DefenceU posted #StandWithUkraine and #1", "@DefenceU posted #StandWithUkraine and # 1"},
		{"ellipsis", "stage...you know… so", "stage ... you know … so"},
		{"end marks", "What?! No!!! Really?", "What ?! No !!! Really ?"},
		{"brackets", "(AP) [via Foley]", "( AP ) [ via Foley ]"},
		{"domain", "visit yahoo.com today", "visit yahoo.com today"},
		{"missing space", "the end.Next day", "the end . Next day"},
		{"acronym Ph.D.", "a Ph.D. student", "a Ph.D. student"},
		{"emoticon", "great :) see you :-)", "great :) see you :-)"},
		{"slash", "and/or w/o", "and / or w/o"},
		{"ampersand", "AT&T and Q&A, you & me", "AT&T and Q&A , you & me"},
		{"apostrophe after acronym", "the U.S.'s role", "the U.S. 's role"},
		{"non-ascii", "Abebe Kebede’s café in Mek’ele", "Abebe Kebede ’s café in Mek’ele"},
		{"empty", "", ""},
		{"only spaces", " \n\t ", ""},
	}
	tok := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tok.Tokenize(tt.in))
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenOffsetsAndSpaceAfter(t *testing.T) {
	in := "Russia’s army didn't stop.\nIt said: “no.”"
	toks := New().Tokenize(in)
	type tk struct {
		text       string
		start, end int
		space      bool
	}
	want := []tk{
		{"Russia", 0, 6, false}, {"’s", 6, 10, true}, {"army", 11, 15, true},
		{"did", 16, 19, false}, {"n't", 19, 22, true}, {"stop", 23, 27, false},
		{".", 27, 28, true}, {"It", 29, 31, true}, {"said", 32, 36, false},
		{":", 36, 37, true}, {"“", 38, 41, false}, {"no", 41, 43, false},
		{".", 43, 44, false}, {"”", 44, 47, false},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %q, want %d", len(toks), texts(toks), len(want))
	}
	for i, w := range want {
		g := toks[i]
		if g.Text != w.text || g.Start != w.start || g.End != w.end || g.SpaceAfter != w.space || g.Head != -1 {
			t.Errorf("token %d = {%q %d %d space=%v head=%d}, want {%q %d %d space=%v head=-1}",
				i, g.Text, g.Start, g.End, g.SpaceAfter, g.Head, w.text, w.start, w.end, w.space)
		}
	}
}

func TestProcess(t *testing.T) {
	d := &nlp.Document{Text: "Kyiv didn't."}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := texts(d.Tokens); got != "Kyiv did n't ." {
		t.Errorf("Process tokens = %q, want %q", got, "Kyiv did n't .")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, d); err == nil {
		t.Error("Process with a cancelled context returned nil error")
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := "a\xffb \xe2\x80 c\xc3"
	toks := New().Tokenize(in)
	checkTokens(t, in, toks)
	if got, want := texts(toks), "a \xff b \xe2 \x80 c \xc3"; got != want {
		t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
	}
}

// checkTokens asserts the offset invariants every tokenization must keep.
func checkTokens(t *testing.T, in string, toks []nlp.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("token %d [%d,%d) out of order or empty after %d in %q", i, tk.Start, tk.End, prev, in)
		}
		if in[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d text %q != input slice %q", i, tk.Text, in[tk.Start:tk.End])
		}
		if gap := in[prev:tk.Start]; strings.TrimFunc(gap, isSpace) != "" {
			t.Fatalf("non-space text %q skipped before token %d", gap, i)
		}
		prev = tk.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Russia's U.S.-orchestrated anti-tank didn't", "“stop.” Then", "a\xffb", "$6 40% 1,000 3.5",
		"http://x.y/z). mail a@b.c", "'72 ''quote'' … ... -- — –", "Dr. No. 5 etc.\n\nNext",
	} {
		f.Add(s)
	}
	tok := New()
	f.Fuzz(func(t *testing.T, in string) {
		toks := tok.Tokenize(in)
		checkTokens(t, in, toks)
		// Every non-space rune of the input is inside some token.
		covered := 0
		for _, tk := range toks {
			covered += utf8.RuneCountInString(tk.Text)
		}
		nonSpace := 0
		for _, r := range in {
			if !isSpace(r) {
				nonSpace++
			}
		}
		if utf8.ValidString(in) && covered != nonSpace {
			t.Fatalf("tokens cover %d runes, input has %d non-space runes: %q", covered, nonSpace, in)
		}
	})
}
