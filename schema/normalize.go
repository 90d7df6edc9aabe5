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

// splitWord turns one token into its subtokens. A token made only of
// hyphens, apostrophes or a bare possessive ("-", "'s") yields none, so it
// is transparent inside a multi-token name; other punctuation ("." ",") is
// kept as its own subtoken, so names never run across it.
func splitWord(w string) []subtoken {
	w = fold(w)
	if w == "&" {
		return []subtoken{{norm: "and", orig: "and"}}
	}
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(w, "'") && len(w) > 1 {
		w = w[:len(w)-1]
	}
	if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' }) {
		if strings.Trim(w, "-'") == "" {
			return nil
		}
		return []subtoken{{norm: w, orig: w}}
	}
	w = strings.ReplaceAll(w, ".", "")
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' || r == '/' || unicode.IsSpace(r) })
	out := make([]subtoken, 0, len(parts))
	for _, p := range parts {
		n := strings.ToLower(p)
		if a, ok := britishNameWords[n]; ok {
			n = a
		}
		out = append(out, subtoken{norm: n, orig: p})
	}
	return out
}

// britishNameWords are British spellings of words common in institutions'
// names, compared in their American form: "People's Defence Forces" and
// "People's Defense Forces" are one name.
var britishNameWords = map[string]string{"defence": "defense", "offence": "offense", "organisation": "organization",
	"centre": "center", "programme": "program", "labour": "labor", "harbour": "harbor", "armoured": "armored"}

// splitName turns a name into subtokens, dropping a leading "the".
func splitName(name string) []subtoken {
	var out []subtoken
	for _, w := range strings.Fields(name) {
		out = append(out, splitWord(w)...)
	}
	if len(out) > 1 && out[0].norm == "the" {
		out = out[1:]
	}
	return out
}

// NormalizeName returns the form under which the gazetteers compare names:
// lower case, diacritics folded, periods and a possessive "'s" removed,
// hyphens and apostrophes as spaces, a leading "the" dropped, spaces
// collapsed. "the U.S." and "US" both give "us"; "Côte d'Ivoire" gives
// "cote d ivoire".
func NormalizeName(name string) string {
	sub := splitName(name)
	parts := make([]string, len(sub))
	for i, s := range sub {
		parts[i] = s.norm
	}
	return strings.Join(parts, " ")
}
