package parse

import "github.com/kg-project/kg/extract/nlp"

// pastTenseReadAsParticiple makes finite again the past tenses of sentence
// s that the tagger read as participles (VBN) and the parser then hung as
// modifiers of a noun, where the participle cannot be one:
//
//   - "Israeli jets struck Damascus.": a sentence with no finite verb whose
//     root noun has a participle with an object (acl). The participle
//     becomes the root, the noun its subject, and the noun's dependents
//     after the participle (the period) move to it. A headline's reduced
//     relative ("Five soldiers killed in ambush") has no object and stays.
//   - "the junta bombed villages in Sagaing": a participle with a subject of
//     its own hung as an adjective (amod) of the noun after it, the noun
//     being the root or hung on punctuation. The participle takes the
//     noun's place and the noun becomes its object; "the shelled homes"
//     has no subject and stays.
//
// The participle is retagged VBD (Mood=Ind|Tense=Past|VerbForm=Fin). A
// participle with an auxiliary ("were killed") is left alone.
func pastTenseReadAsParticiple(d *nlp.Document, s nlp.Sentence) {
	finite := false
	for i := s.Start; i < s.End; i++ {
		switch d.Tokens[i].XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			finite = true
		}
	}
	has := func(v int, deps ...string) int {
		for i := s.Start; i < s.End; i++ {
			if d.Tokens[i].Head != v {
				continue
			}
			for _, dep := range deps {
				if d.Tokens[i].Dep == dep {
					return i
				}
			}
		}
		return -1
	}
	for v := s.Start; v < s.End; v++ {
		t := d.Tokens[v]
		if t.XPOS != "VBN" || t.Head < 0 || has(v, "aux", "aux:pass", "cop") >= 0 {
			continue
		}
		n := t.Head
		noun := d.Tokens[n].UPOS == "NOUN" || d.Tokens[n].UPOS == "PROPN"
		switch {
		case t.Dep == "acl" && !finite && noun && n < v && d.Tokens[n].Head < 0 && has(v, "obj") >= 0:
			d.Tokens[v].Head, d.Tokens[v].Dep = -1, "root"
			d.Tokens[n].Head, d.Tokens[n].Dep = v, "nsubj"
			for i := v + 1; i < s.End; i++ {
				if d.Tokens[i].Head == n {
					d.Tokens[i].Head = v
				}
			}
		case t.Dep == "amod" && noun && n > v && has(v, "nsubj") >= 0 && (d.Tokens[n].Head < 0 || d.Tokens[d.Tokens[n].Head].UPOS == "PUNCT"):
			d.Tokens[v].Head, d.Tokens[v].Dep = d.Tokens[n].Head, d.Tokens[n].Dep
			if d.Tokens[n].Head < 0 {
				d.Tokens[v].Dep = "root"
			}
			d.Tokens[n].Head, d.Tokens[n].Dep = v, "obj"
			for i := s.Start; i < s.End; i++ {
				if i != v && d.Tokens[i].Head == n && d.Tokens[i].Dep == "punct" {
					d.Tokens[i].Head = v
				}
			}
		default:
			continue
		}
		d.Tokens[v].XPOS, d.Tokens[v].Feats = "VBD", "Mood=Ind|Tense=Past|VerbForm=Fin"
		finite = true
	}
}
