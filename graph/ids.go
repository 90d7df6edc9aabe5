package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DocumentID returns the id of a document with the given text: the first 16
// hex digits of the SHA-256 of its UTF-8 bytes.
func DocumentID(text string) string {
	return hashHex("", text)
}

// EntityID returns the id of the entity of type typ with canonical name name:
// "e" followed by 16 hex digits of the SHA-256 of the type, a NUL byte and
// NormalizeName(name). Names that normalize alike ("U.S.", "US", "the US")
// share an id; the same name under two types does not.
func EntityID(typ, name string) string {
	key := NormalizeName(name)
	if key == "" {
		key = strings.TrimSpace(name)
	}
	return hashHex("e", typ, key)
}

// RelationID returns the id of r, derived from its document, sentence index,
// subject id, relation type, CAMEO code, object id, negation and predicate:
// "r" followed by 16 hex digits. The same statement extracted twice from the
// same sentence gets the same id.
func RelationID(r Relation) string {
	return hashHex("r", r.DocumentID, strconv.Itoa(r.SentenceIndex), r.SubjectID,
		r.Relation, r.CAMEO, r.ObjectID, strconv.FormatBool(r.Negated), r.Predicate)
}

// hashHex returns prefix and the first 16 hex digits of the SHA-256 of the
// parts joined by NUL bytes.
func hashHex(prefix string, parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return prefix + hex.EncodeToString(sum[:8])
}

// NormalizeName returns the comparison key of an actor's name, as defined by
// the evaluation rules (../shared/eval/README.md): Unicode NFKC, lower case,
// curly quotes made straight, a trailing possessive "'s" dropped, periods
// dropped, other punctuation turned to spaces, a leading "the", "a" or "an"
// dropped (when a word follows), spaces collapsed.
//
//	NormalizeName("The U.S.")    == "us"
//	NormalizeName("Russia’s")    == "russia"
//	NormalizeName("Armed-Forces") == "armed forces"
func NormalizeName(name string) string {
	s := strings.ToLower(norm.NFKC.String(name))
	s = strings.Map(straightQuote, s)
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "'s")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '.':
			return -1
		case unicode.IsPunct(r):
			return ' '
		}
		return r
	}, s)
	words := strings.Fields(s)
	if len(words) > 1 {
		switch words[0] {
		case "the", "a", "an":
			words = words[1:]
		}
	}
	return strings.Join(words, " ")
}

// straightQuote maps curly single and double quotes to their ASCII forms.
func straightQuote(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033':
		return '"'
	}
	return r
}
