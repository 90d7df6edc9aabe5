// Package nlp defines the annotated-text types that every stage of kg's
// linguistic pipeline reads and fills.
//
// A Document owns the original text and one flat slice of Tokens; sentences
// and mentions are index ranges into that slice, so every annotation can be
// traced back to the exact characters of the input (byte offsets into
// Document.Text).
package nlp

import (
	"context"
	"strings"
)

// Token is one word or punctuation mark.
type Token struct {
	// Text is the token as it appears in the input: Document.Text[Start:End].
	Text string
	// Start and End are byte offsets into Document.Text.
	Start, End int
	// SpaceAfter reports whether whitespace follows the token in the input.
	SpaceAfter bool
	// Sentence is the index of the sentence in Document.Sentences.
	Sentence int

	// UPOS is the Universal POS tag, XPOS the Penn Treebank tag.
	UPOS, XPOS string
	// Lemma is the dictionary form ("invaded" → "invade").
	Lemma string
	// Feats holds UD morphological features ("Polarity=Neg"), "_" or empty when none.
	Feats string

	// Head is the index in Document.Tokens of the syntactic head, -1 for the
	// sentence root.
	Head int
	// Dep is the Universal Dependencies relation to the head ("nsubj", "obj", "root").
	Dep string

	// NER is the BIO entity tag from the recognizer ("B-PER", "I-ORG", "O").
	NER string
}

// Sentence is a run of tokens.
type Sentence struct {
	// Start and End are the token index range [Start, End) in Document.Tokens.
	Start, End int
	// CharStart and CharEnd are byte offsets into Document.Text.
	CharStart, CharEnd int
	// Cut reports that the sentence ends where the segmenter cut an overlong
	// run of tokens (see segment.MaxTokens), not at a sentence end.
	Cut bool
}

// Len is the number of tokens in the sentence.
func (s Sentence) Len() int { return s.End - s.Start }

// Document is a text with its linguistic annotations.
type Document struct {
	// Text is the original input, unchanged.
	Text string
	// Tokens is every token of the text in order.
	Tokens []Token
	// Sentences partition Tokens in order.
	Sentences []Sentence
	// Mentions are entity mentions in text order (filled by recognition and coreference).
	Mentions []Mention
	// Entities are the document's resolved actors (filled by resolution).
	Entities []Entity
	// Quotes are the direct quotations with their speakers (filled by resolution).
	Quotes []Quote
	// Dateline is the place a dateline names ("KHARTOUM (Reuters) -"),
	// where the reporter files from; nil when there is none or it is not
	// in the gazetteer (filled by toponym resolution).
	Dateline *Place
}

// SentenceText returns the original text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.CharStart:s.CharEnd]
}

// Children returns the indices of the tokens whose head is token i, in order.
func (d *Document) Children(i int) []int {
	s := d.Sentences[d.Tokens[i].Sentence]
	var out []int
	for j := s.Start; j < s.End; j++ {
		if d.Tokens[j].Head == i {
			out = append(out, j)
		}
	}
	return out
}

// Head returns the token of mention m whose syntactic head lies outside it:
// the word the rest of the sentence attaches the mention by.
func (d *Document) Head(m Mention) int {
	for k := m.Start; k < m.End; k++ {
		if h := d.Tokens[k].Head; h < m.Start || h >= m.End {
			return k
		}
	}
	return m.End - 1
}

// HyphenedWord returns, lower-cased, the word joined to token k by a
// hyphen right after it ("backed" after "Iran" in "Iran-backed"), or "".
func (d *Document) HyphenedWord(k int) string {
	if k < 0 || k+2 >= len(d.Tokens) || d.Tokens[k+1].Text != "-" || d.Tokens[k].SpaceAfter {
		return ""
	}
	return strings.ToLower(d.Tokens[k+2].Text)
}

// ModelForm returns the form of token i that the tagger and parser read:
// its text, except that a dash standing alone between spaces ("X - who
// … - said", "X — who …") reads as "--", the treebank's usual spelling of
// a dash that sets off a phrase; a hyphen inside a word ("Russian-backed")
// stays as it is.
func (d *Document) ModelForm(i int) string {
	t := d.Tokens[i]
	switch t.Text {
	case "-", "–", "—":
		spacedBefore := i == 0 || d.Tokens[i-1].SpaceAfter || d.Tokens[i-1].Sentence != t.Sentence
		if spacedBefore && t.SpaceAfter {
			return "--"
		}
	}
	return t.Text
}

// Stage is one step of the pipeline: it reads the annotations earlier stages
// filled and adds its own. Each implementation documents which fields it
// requires and which it fills.
type Stage interface {
	// Name is a short identifier used in errors and timings ("tokenize", "parse").
	Name() string
	// Process annotates d in place.
	Process(ctx context.Context, d *Document) error
}

// Mention is a span of tokens that names or refers to an entity.
type Mention struct {
	// Start and End are the token index range [Start, End) in Document.Tokens.
	Start, End int
	// Type is a schema entity type (Country, Person, Organization, Location,
	// Group, Weapon) or "Date".
	Type string
	// Entity is the index in Document.Entities this mention resolves to, -1 if unresolved.
	Entity int
	// Pronoun is true for pronouns and definite descriptions resolved by coreference.
	Pronoun bool
}

// Entity is one actor of a document: the mentions that refer to it, merged.
type Entity struct {
	Type    string   // schema entity type
	Name    string   // canonical name ("United States", "Sergey Ryabkov")
	Aliases []string // surface forms seen in the document, plus known equivalent names
	Country string   // ISO 3166-1 alpha-3 where it is or belongs to a state
	Roles   []string // roles stated in the text ("deputy foreign minister")
	// Kind refines Type: "body" (a government body), "military", "alliance",
	// "armed_group", "media", ... (gazetteer categories), or empty.
	Kind string
	// Links are the standing relations the text states for this entity:
	// the organization or country a person works for, the state a body
	// belongs to, the place a place lies in.
	Links []Link
	// RelationOnly marks minor actors (weapons, unnamed groups) that belong
	// in the graph only when they take part in a relation.
	RelationOnly bool
	// Place is where a Location is, from the world gazetteer; nil when
	// it was not resolved (filled by toponym resolution).
	Place *Place
}

// Place is the gazetteer entry (package geo) a place name was resolved to.
type Place struct {
	Name         string // the name as the text writes it
	GeoNamesID   uint32
	Lat, Lon     float64 // WGS84 degrees
	FeatureClass string  // GeoNames feature class: "P" populated place, "A" first-level division
	Country      string  // ISO 3166-1 alpha-3
	Confidence   float64 // 0..1, see docs/geo.md
}

// Link is a static relation from an entity to another one.
type Link struct {
	Relation string // AFFILIATION, PART_OF, MEMBER_OF or LOCATED_IN
	Entity   int    // index in Document.Entities of the other end
	Role     string // for AFFILIATION: "deputy foreign minister"
	Sentence int    // the sentence that states it
	Rule     string // id of the rule that found it (RuleID); a rule may set a "/branch" of its function
}

// Quote is a stretch of directly quoted speech.
type Quote struct {
	// Start and End are the token range [Start, End) inside the quotation marks.
	Start, End int
	// Speaker is the index in Document.Entities of who said it, -1 if unknown.
	Speaker int
}
