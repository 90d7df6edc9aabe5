package segment_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/segment"
	"github.com/kg-project/kg/extract/tokenize"
	"github.com/kg-project/kg/fixtures"
)

// sentences returns the text of each sentence of d.
func sentences(d *nlp.Document) []string {
	out := make([]string, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = d.SentenceText(i)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviation inside", "Russia invaded Ukraine on Feb. 24, asserting it was necessary. Kyiv disagreed.",
			[]string{"Russia invaded Ukraine on Feb. 24, asserting it was necessary.", "Kyiv disagreed."}},
		{"acronym before noun", "The U.S. military said so. It left.",
			[]string{"The U.S. military said so.", "It left."}},
		{"acronym before name", "Officials of the U.S. State Department met Gen. Smith and Lt. Col. Jones on Tuesday.",
			[]string{"Officials of the U.S. State Department met Gen. Smith and Lt. Col. Jones on Tuesday."}},
		{"final acronym", "He lives in the U.S. The rest stayed.",
			[]string{"He lives in the U.S.", "The rest stayed."}},
		{"final abbreviation at end", "They brought guns, tanks, etc.",
			[]string{"They brought guns, tanks, etc."}},
		{"a.m. before day", "The drone was launched shortly before 6 a.m. Friday from Kusong.",
			[]string{"The drone was launched shortly before 6 a.m. Friday from Kusong."}},
		{"quote after comma", "“These are targets,” he said. Then he left.",
			[]string{"“These are targets,” he said.", "Then he left."}},
		{"quote after period", "He said “stop.” Then he left.",
			[]string{"He said “stop.”", "Then he left."}},
		{"straight quote after period", `He said "stop." Then he left.`,
			[]string{`He said "stop."`, "Then he left."}},
		{"exclamation in quote", "“Stop!” he shouted. They ran.",
			[]string{"“Stop!” he shouted.", "They ran."}},
		{"question then quote opens", `"Why?" "Because."`,
			[]string{`"Why?"`, `"Because."`}},
		{"bracket after period", "It ended. (Nobody came.) Then rain.",
			[]string{"It ended.", "(Nobody came.)", "Then rain."}},
		{"headline", "Azerbaijan launches operation in Karabakh\nThe ministry said it began.",
			[]string{"Azerbaijan launches operation in Karabakh", "The ministry said it began."}},
		{"two headlines", "Saudi-led coalition strikes targets\nUN envoy called for calm\nThe coalition said.",
			[]string{"Saudi-led coalition strikes targets", "UN envoy called for calm", "The coalition said."}},
		{"list items", "Demands:\n- a ceasefire\n- talks in Geneva\n1. first item\n2. second item",
			[]string{"Demands:", "- a ceasefire", "- talks in Geneva", "1. first item", "2. second item"}},
		{"numbered list with periods", "1. The army left. 2. The police stayed.",
			[]string{"1. The army left.", "2. The police stayed."}},
		{"blank line", "No final punctuation here\n\nnext paragraph starts lower",
			[]string{"No final punctuation here", "next paragraph starts lower"}},
		{"hard-wrapped paragraphs", "The army said on Friday that the offensive had been launched to\n" +
			"clear the positions of the rebel units and to restore state\n" +
			"Control over the valley. It said the offensive would continue\n" +
			"until the goals were reached.\n" +
			"Bolivia rejected the claims of the army and of the ministry and\n" +
			"Called the offensive an invasion.",
			[]string{"The army said on Friday that the offensive had been launched to\n" +
				"clear the positions of the rebel units and to restore state\n" +
				"Control over the valley.",
				"It said the offensive would continue\nuntil the goals were reached.",
				"Bolivia rejected the claims of the army and of the ministry and\nCalled the offensive an invasion."}},
		{"line break without wrapping", "The army said that the offensive had been launched to clear the\npositions of the rebel units.",
			[]string{"The army said that the offensive had been launched to clear the", "positions of the rebel units."}},
		{"paragraph quote continues", "the conflict is escalating.\n“There are also reports,” he added.",
			[]string{"the conflict is escalating.", "“There are also reports,” he added."}},
		{"dateline", "ISLAMABAD (AP) - Pakistan on Thursday said two soldiers died.",
			[]string{"ISLAMABAD (AP) -", "Pakistan on Thursday said two soldiers died."}},
		{"dateline with country", "KYIV, Ukraine (AP) — Russian forces shelled the city.",
			[]string{"KYIV, Ukraine (AP) —", "Russian forces shelled the city."}},
		{"dateline with a hyphenated place", "GUINEA-BISSAU, March 3 (Reuters) - Soldiers seized the palace.",
			[]string{"GUINEA-BISSAU, March 3 (Reuters) -", "Soldiers seized the palace."}},
		{"dateline with a country of several words", "BRAZZAVILLE, Republic of the Congo (AFP) - Rebels shelled the port.",
			[]string{"BRAZZAVILLE, Republic of the Congo (AFP) -", "Rebels shelled the port."}},
		{"lower-case words after a place are no dateline", "Lithuania, a member of NATO - and of the EU - closed the border.",
			[]string{"Lithuania, a member of NATO - and of the EU - closed the border."}},
		{"dateline with date", "WASHINGTON, March 3 (Reuters) - The Pentagon said.",
			[]string{"WASHINGTON, March 3 (Reuters) -", "The Pentagon said."}},
		{"two-word dateline", "NEW DELHI - India said.",
			[]string{"NEW DELHI -", "India said."}},
		{"acronym before dash is no dateline", "Russia warned. NATO - The alliance - said no.",
			[]string{"Russia warned.", "NATO - The alliance - said no."}},
		{"salutation", "Kay - Can you review this?",
			[]string{"Kay -", "Can you review this?"}},
		{"dash in sentence", "The soldiers returned fire - Pakistan said - along the border.",
			[]string{"The soldiers returned fire - Pakistan said - along the border."}},
		{"ellipsis continues", "I waited... and waited... Then it came.",
			[]string{"I waited... and waited...", "Then it came."}},
		{"spaced ellipsis", "It fell . . . Nobody knew.",
			[]string{"It fell . . .", "Nobody knew."}},
		{"repeated marks", "Really?! Yes!!! ok.",
			[]string{"Really?!", "Yes!!!", "ok."}},
		{"emoticon closes", "Great news! :) See you.",
			[]string{"Great news! :)", "See you."}},
		{"letter closing", "Thanks,\nAnne\n\nRegards, Jeff",
			[]string{"Thanks,", "Anne", "Regards,", "Jeff"}},
		{"separator", "Totals 5 ===== The vote passed.", []string{"Totals 5 =====", "The vote passed."}},
		{"no final punctuation", "just a fragment", []string{"just a fragment"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(run(t, tt.in))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestProcessSetsTokenSentence(t *testing.T) {
	d := run(t, "It rained. Kyiv said so.")
	want := []int{0, 0, 0, 1, 1, 1, 1}
	if len(d.Tokens) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(d.Tokens), len(want))
	}
	for i, tk := range d.Tokens {
		if tk.Sentence != want[i] {
			t.Errorf("token %d %q in sentence %d, want %d", i, tk.Text, tk.Sentence, want[i])
		}
	}
	if got := d.Sentences[1]; got != (nlp.Sentence{Start: 3, End: 7, CharStart: 11, CharEnd: 24}) {
		t.Errorf("sentence 1 = %+v, want {3 7 11 24}", got)
	}
}

func TestProcessWithoutTokens(t *testing.T) {
	d := &nlp.Document{Text: "Text but no tokens."}
	if err := segment.New().Process(context.Background(), d); err == nil {
		t.Error("Process on an untokenized document returned nil error")
	}
}

// devSentences lists, for each dev article, the first words of each
// sentence: with the count, this fixes every boundary.
var devSentences = map[string][]string{
	"dev-1-karabakh-operation": {
		"Azerbaijan launches 'anti-terrorist",
		"Azerbaijan's defense ministry",
		"The ministry said",
		"The ministry accuses",
		"An Armenian human",
		"Russia, an ally",
		"Kremlin spokesperson Dmitry",
		"In a televised",
		"Pashinyan expressed hope",
		"Russian media report",
		"Fighting in Nagorno-Karabakh",
		"The conflict ended",
		"But analysts say",
	},
	"dev-2-nkorea-rodong-launch": {
		"South Korean military",
		"The U.S. military",
		"Officials say the",
		"A statement from",
		"Japanese Prime Minister",
		"The United States",
		"\"We are aware",
		"\"We remain prepared",
		"United Nations Secretary",
		"\"We reiterate the",
		"This latest missile",
		"All are in",
	},
	"dev-3-kashmir-surgical-strike": {
		"ISLAMABAD (AP) -",
		"Pakistan on Thursday",
		"Pakistan dismissed Indian",
		"Pakistan’s Defense Minister",
		"Tensions, which are",
		"India accused Pakistan",
		"Pakistan denied the",
		"India’s Prime Minister",
		"Pakistan, meanwhile, has",
		"Following the July",
		"A curfew has",
		"The border shooting",
		"In a statement",
	},
	"dev-4-yemen-salif-strikes": {
		"Saudi-led coalition strikes",
		"UN envoy Martin",
		"The Saudi-led coalition",
		"Citing the coalition,",
		"The coalition claimed",
		"Houthi-aligned Al Masirah",
		"Recent weeks have",
		"They also seized",
		"On Saturday, the",
		"His visit came",
		"Mr Griffiths warned",
		"“We will either",
	},
	"dev-5-tigray-eritrea-offensive": {
		"TPLF Reports ‘Massive’",
		"Tigrayan rebels in",
		"On Thursday, a",
		"Getachew Reda said",
		"A later statement",
		"There has been",
		"An Ethiopian government",
		"In their own",
		"Bloomberg News reports",
		"William Davison, analyst",
		"So, it is",
		"“There are also",
		"Eritrea is a",
	},
	"seed-convoys": {
		"Russia has informed",
		"“We have warned",
		"The U.S. Department",
		"The U.S. State",
		"A senior U.S.",
		"The United States",
		"Ryabkov described such",
		"“The escalatory component",
		"John Kirby, the",
		"But the United",
		"Russia invaded Ukraine",
		"Ukraine, the United",
		"No countries have",
		"“The weapons intended",
		"No dialogue with",
		"Ukrainian officials have",
		"Russia has been",
		"Ryabkov responded to",
		"“We are not",
		"“Meanwhile, the U.S.",
		"This is an",
	},
}

func TestDevArticles(t *testing.T) {
	dir := fixtures.Shared(t, "eval/dev")
	for name, want := range devSentences {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got := sentences(run(t, string(b)))
			if len(got) != len(want) {
				t.Errorf("%d sentences, want %d", len(got), len(want))
			}
			for i := range min(len(got), len(want)) {
				if !strings.HasPrefix(got[i], want[i]) {
					t.Errorf("sentence %d = %q, want it to start with %q", i, got[i], want[i])
				}
			}
			if last := got[len(got)-1]; !strings.HasSuffix(strings.TrimSpace(string(b)), last) {
				t.Errorf("last sentence %q does not end the text", last)
			}
		})
	}
}

func FuzzTokenizeSegment(f *testing.F) {
	for _, s := range []string{
		"He said “stop.” Then he left.", "ISLAMABAD (AP) - Pakistan said.", "Thanks,\nAnne",
		"1. a\n2. b", "a\xffb. C", "U.S. The end... next", "",
	} {
		f.Add(s)
	}
	tok, seg := tokenize.New(), segment.New()
	f.Fuzz(func(t *testing.T, in string) {
		d := &nlp.Document{Text: in}
		ctx := context.Background()
		if err := tok.Process(ctx, d); err != nil {
			t.Fatal(err)
		}
		if err := seg.Process(ctx, d); err != nil {
			if len(d.Tokens) == 0 {
				return // whitespace-only text with no tokens
			}
			t.Fatal(err)
		}
		prev := 0
		for i, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || in[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %d %q [%d,%d) bad after %d", i, tk.Text, tk.Start, tk.End, prev)
			}
			prev = tk.End
		}
		next := 0
		for i, s := range d.Sentences {
			if s.Start != next || s.End <= s.Start || s.End > len(d.Tokens) {
				t.Fatalf("sentence %d = %+v does not continue at token %d", i, s, next)
			}
			if s.CharStart != d.Tokens[s.Start].Start || s.CharEnd != d.Tokens[s.End-1].End {
				t.Fatalf("sentence %d char span %d-%d does not match its tokens", i, s.CharStart, s.CharEnd)
			}
			for j := s.Start; j < s.End; j++ {
				if d.Tokens[j].Sentence != i {
					t.Fatalf("token %d has sentence %d, want %d", j, d.Tokens[j].Sentence, i)
				}
			}
			next = s.End
		}
		if next != len(d.Tokens) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
		}
	})
}

// BenchmarkTokenizeSegment tokenizes and segments the raw text of the EWT
// dev set and reports tokens per second.
func BenchmarkTokenizeSegment(b *testing.B) {
	docs := ewtDocuments(b, "en_ewt-ud-dev.conllu")
	tok, seg := tokenize.New(), segment.New()
	ctx := context.Background()
	tokens := 0
	b.ResetTimer()
	for b.Loop() {
		for _, g := range docs {
			d := &nlp.Document{Text: g.Text}
			if err := tok.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			if err := seg.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
			tokens += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}
