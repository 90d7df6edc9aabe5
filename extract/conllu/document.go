package conllu

import (
	"fmt"
	"strings"

	"github.com/kg-project/kg/extract/nlp"
)

// FromDocument converts an annotated document into CoNLL-U sentences, one
// per nlp.Sentence, for `kg parse`. Each sentence carries "sent_id = N"
// (1-based) and "text = ..." (its original text with line breaks replaced
// by spaces); the first also carries "newdoc". Empty annotations are
// written as "_", the root as head 0 with relation "root".
//
// MISC holds the character offsets as TokenRange=START:END, the byte range
// of the token in the original document text (END exclusive, as in
// Document.Text[START:END]), and SpaceAfter=No when no whitespace follows.
func FromDocument(d *nlp.Document) []*Sentence {
	out := make([]*Sentence, 0, len(d.Sentences))
	for i, ns := range d.Sentences {
		s := &Sentence{}
		if i == 0 {
			s.Comments = append(s.Comments, "newdoc")
		}
		text := strings.Join(strings.Fields(d.SentenceText(i)), " ")
		s.Comments = append(s.Comments, fmt.Sprintf("sent_id = %d", i+1), "text = "+text)
		if ns.Cut {
			// The segmenter cut an overlong run of tokens here.
			s.Comments = append(s.Comments, "cut = yes")
		}
		for j := ns.Start; j < ns.End; j++ {
			t := d.Tokens[j]
			head, rel := 0, orBlank(t.Dep)
			switch {
			case t.Head >= 0:
				head = t.Head - ns.Start + 1
			case t.Dep == "":
				head = -1
			}
			misc := fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End)
			if !t.SpaceAfter {
				misc += "|SpaceAfter=No"
			}
			s.Words = append(s.Words, Word{
				ID: j - ns.Start + 1, Form: orBlank(t.Text), Lemma: orBlank(t.Lemma),
				UPOS: orBlank(t.UPOS), XPOS: orBlank(t.XPOS), Feats: orBlank(t.Feats),
				Head: head, Deprel: rel, Deps: "_", Misc: misc,
			})
		}
		out = append(out, s)
	}
	return out
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ToDocument builds a document whose tokens are the syntactic words of
// sents with their gold annotations, for evaluation and training with gold
// tokenization. The document text joins the word forms, with a space
// wherever SpaceAfter says so, sentences separated by a newline and
// paragraphs (# newpar, # newdoc) by a blank line; token offsets point
// into that text. Heads become document token indices (-1 for the root);
// "_" values become empty strings.
func ToDocument(sents []*Sentence) *nlp.Document {
	d := &nlp.Document{}
	var b strings.Builder
	for si, s := range sents {
		if si > 0 {
			if s.NewPar() || s.NewDoc() {
				b.WriteString("\n\n")
			} else {
				b.WriteString("\n")
			}
		}
		base := len(d.Tokens)
		ns := nlp.Sentence{Start: base, CharStart: b.Len()}
		for i, w := range s.Words {
			start := b.Len()
			b.WriteString(w.Form)
			sp := s.SpaceAfter(i)
			head := -1
			if w.Head > 0 {
				head = base + w.Head - 1
			}
			d.Tokens = append(d.Tokens, nlp.Token{
				Text: w.Form, Start: start, End: b.Len(), SpaceAfter: sp, Sentence: si,
				UPOS: blank(w.UPOS), XPOS: blank(w.XPOS), Lemma: blank(w.Lemma), Feats: blank(w.Feats),
				Head: head, Dep: blank(w.Deprel),
			})
			if sp && i < len(s.Words)-1 {
				b.WriteByte(' ')
			}
		}
		ns.End = len(d.Tokens)
		ns.CharEnd = b.Len()
		d.Sentences = append(d.Sentences, ns)
	}
	d.Text = b.String()
	return d
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}
