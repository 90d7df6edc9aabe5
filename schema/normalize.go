package schema

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// subtoken is one matching unit of a word: words split at hyphens,
// apostrophes and slashes, with periods and a possessive "'s" removed.
type subtoken struct {
	norm string // lower case, diacritics folded: "cote", "us"
	orig string // diacritics folded, case kept: "Cote", "US"
}

// fold removes diacritics ("Côte" → "Cote", "Türkiye" → "Turkiye") and
// makes typographic quotes and dashes plain.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\u2019' || r == '\u2018' || r == '`' || r == '\u00b4':
			r = '\''
		case r == '\u2013' || r == '\u2014' || r == '\u2011' || r == '\u2010':
			r = '-'
		case r == '\u0131': // dotless i
			r = 'i'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// appendWord appends the subtokens of one token w to out. A token made
// only of hyphens, apostrophes or a bare possessive ("-", "'s") yields
// none, so it is transparent inside a multi-token name; other punctuation
// ("." ",") is kept as its own subtoken, so names never run across it.
// Loading the schema splits every name it holds, so this allocates only
// the lower-case forms it returns.
func appendWord(out []subtoken, w string) []subtoken {
	w = fold(w)
	if w == "&" {
		return append(out, subtoken{norm: "and", orig: "and"})
	}
	// A possessive "'s" in either case: lower-casing changes no other
	// character into an apostrophe or an s.
	if n := len(w); n >= 2 && w[n-2] == '\'' && (w[n-1] == 's' || w[n-1] == 'S') {
		w = w[:n-2]
	} else if strings.HasSuffix(w, "'") && len(w) > 1 {
		w = w[:len(w)-1]
	}
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' }) {
		if strings.Trim(w, "-'") == "" {
			return out
		}
		return append(out, subtoken{norm: w, orig: w})
	}
	// The parts between hyphens, apostrophes, slashes and spaces.
	return appendFields(out, strings.ReplaceAll(w, ".", ""), isPartSeparator, appendPart)
}

func isPartSeparator(r rune) bool { return r == '-' || r == '\'' || r == '/' || unicode.IsSpace(r) }

// appendFields appends to out, with add, the fields of s: the runs of
// runes between those for which sep is true, as strings.FieldsFunc cuts
// them.
func appendFields(out []subtoken, s string, sep func(rune) bool, add func([]subtoken, string) []subtoken) []subtoken {
	start := -1
	for i, r := range s {
		if sep(r) {
			if start >= 0 {
				out = add(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = add(out, s[start:])
	}
	return out
}

// appendPart appends the subtoken of one part of a word to out.
func appendPart(out []subtoken, p string) []subtoken {
	n := strings.ToLower(p)
	if a, ok := britishNameWords[n]; ok {
		n = a
	}
	return append(out, subtoken{norm: n, orig: p})
}

// britishNameWords are British spellings of words common in institutions'
// names, compared in their American form: "People's Defence Forces" and
// "People's Defense Forces" are one name.
var britishNameWords = map[string]string{"defence": "defense", "offence": "offense", "organisation": "organization",
	"centre": "center", "programme": "program", "labour": "labor", "harbour": "harbor", "armoured": "armored"}

// splitName turns a name into subtokens, dropping a leading "the".
func splitName(name string) []subtoken { return appendName(nil, name) }

// appendName appends the subtokens of name (splitName) to out.
func appendName(out []subtoken, name string) []subtoken {
	first := len(out)
	out = appendFields(out, name, unicode.IsSpace, appendWord)
	if len(out)-first > 1 && out[first].norm == "the" {
		out = append(out[:first], out[first+1:]...)
	}
	return out
}

// NormalizeName returns the form under which the gazetteers compare names:
// lower case, diacritics folded, periods and a possessive "'s" removed,
// hyphens and apostrophes as spaces, a leading "the" dropped, spaces
// collapsed. "the U.S." and "US" both give "us"; "Côte d'Ivoire" gives
// "cote d ivoire".
func NormalizeName(name string) string {
	if n, ok := normalizeASCII(name); ok {
		return n
	}
	var buf [8]subtoken
	sub := appendName(buf[:0], name)
	switch len(sub) {
	case 0:
		return ""
	case 1:
		return sub[0].norm
	}
	n := len(sub) - 1
	for _, s := range sub {
		n += len(s.norm)
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range sub {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.norm)
	}
	return b.String()
}

// normalizeASCII is NormalizeName of a name made only of ASCII letters,
// digits and spaces (most names of the data files), without splitting it
// into subtokens: each word is one, lower-cased. ok is false for other
// names.
func normalizeASCII(name string) (n string, ok bool) {
	plain := true // name is its own normal form
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			plain = false
		case c == ' ':
			if i == 0 || i == len(name)-1 || name[i-1] == ' ' {
				plain = false
			}
		default:
			return "", false
		}
	}
	if plain && !strings.HasPrefix(name, "the ") && !hasBritishWord(name) {
		return name, true
	}
	words := strings.Fields(strings.ToLower(name))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		if a, ok := britishNameWords[w]; ok {
			words[i] = a
		}
	}
	return strings.Join(words, " "), true
}

// hasBritishWord reports whether a word of name is one of
// britishNameWords.
func hasBritishWord(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if _, ok := britishNameWords[w]; ok {
			return true
		}
	}
	return false
}
