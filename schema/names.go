package schema

import (
	"slices"
	"strings"
)

// PartOfName reports whether a person's short name is part of their long
// one: the surname or given name alone ("Ryabkov", "Getachew"), or a shorter
// form keeping the first and last words ("Khawaja Asif" of "Khawaja
// Muhammad Asif"), the last words of a name of four or more, which are
// its family names ("Ortiz Beltran" of "Luis Carlos Ortiz Beltran", "al
// Haddad" of a five-word name; of three words, "Muhammad Asif" may well be
// another man), or the nickname quoted inside it ("El Toro" of Rafael "El
// Toro" Mendez). Both are lower-cased words.
func PartOfName(short, long []string) bool {
	if len(short) == 0 || len(short) >= len(long) {
		return false
	}
	if quotedIn(short, long) {
		return true
	}
	last := Surname(long[len(long)-1])
	if len(short) == 1 {
		return Surname(short[0]) == last || short[0] == long[0] || surnameVariant(Surname(short[0]), last)
	}
	if len(long) >= 4 && slices.Equal(short, long[len(long)-len(short):]) {
		return true
	}
	return Surname(short[len(short)-1]) == last && short[0] == long[0]
}

// nameQuotes are the quotation marks around a nickname inside a name.
const nameQuotes = "\"“”'‘’"

// quotedIn reports whether words are the whole of a quoted run of long:
// "el toro" in `rafael "el toro" mendez`.
func quotedIn(words, long []string) bool {
	for i := 0; i+len(words) <= len(long); i++ {
		run := long[i : i+len(words)]
		first, last := run[0], run[len(run)-1]
		if strings.TrimLeft(first, nameQuotes) == first || strings.TrimRight(last, nameQuotes) == last {
			continue
		}
		same := true
		for j, w := range run {
			if strings.Trim(w, nameQuotes) != strings.Trim(words[j], nameQuotes) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// Surname returns a surname without an Arabic article joined by a hyphen
// ("al-burhan" → "burhan"), so "Burhan" is part of "Abdel Fattah al-Burhan".
func Surname(w string) string {
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "ar-", "az-", "an-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
			return rest
		}
	}
	return w
}

// surnameVariant reports whether two surnames are transliterations of one
// ("zelensky", "zelenskyy"): six letters or more (short names such as
// Ahmad and Ahmed belong to too many people), the same first three, one
// edit apart (two for eight letters or more).
func surnameVariant(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 6 || len(rb) < 6 || string(ra[:3]) != string(rb[:3]) {
		return false
	}
	limit := 1
	if len(ra) >= 8 && len(rb) >= 8 {
		limit = 2
	}
	return editDistance(a, b) <= limit
}

// VariantName reports whether two full names of equal length differ only by
// the transliteration of one given name (Sergey/Sergei Ryabkov,
// Dmitry/Dmitri Peskov): same surname, and the one differing word has the
// same initial and is within two edits. Both are lower-cased words.
func VariantName(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	diff := 0
	for i := range a {
		if a[i] != b[i] {
			if a[i][0] != b[i][0] || editDistance(a[i], b[i]) > 2 {
				return false
			}
			diff++
		}
	}
	return diff == 1
}

// editDistance is the Levenshtein distance between two words, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// IsSettlementNoun reports whether the lower-case noun names a kind of
// settlement, which lies inside the place named before it: "the Galilee
// town of Safed" (Safed is the town, in Galilee), unlike "the Tigray
// region of Ethiopia".
func IsSettlementNoun(noun string) bool {
	switch noun {
	case "city", "town", "village", "port", "municipality":
		return true
	}
	return false
}
