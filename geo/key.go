package geo

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// arabicArticles are the transliterations of the Arabic article that news
// writes before a name or leaves out ("Al-Fashir", "El Fasher", "Fasher").
var arabicArticles = map[string]bool{
	"al": true, "el": true, "ad": true, "an": true, "ar": true, "as": true, "ash": true,
	"at": true, "az": true, "ed": true, "en": true, "er": true, "es": true, "et": true, "ez": true,
}

// letterFolds spells letters that have no decomposition in plain Latin.
var letterFolds = map[rune]string{
	'ı': "i", 'ł': "l", 'đ': "d", 'ð': "d", 'ø': "o", 'æ': "ae", 'œ': "oe", 'ß': "ss", 'þ': "th", 'ħ': "h",
}

// Key is the lookup key of a place name: diacritics folded, lower case,
// apostrophes and the marks of transliteration dropped ("Ṣa‘dah" and
// "Sa'dah" are "sadah"), other punctuation a space, a leading "the" and a
// leading Arabic article dropped ("Al-Fashir" is "fashir"), and doubled
// letters written once ("Shabeelle" and "Shabelle" are "shabele"): news
// spells the same place in these ways. The generator and the lookup use
// the same Key, so a spelling matches when its key equals an indexed one.
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	var last rune
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '\u2018', r == '\u2019', r == '`', r == '\u00b4',
			r == '\u02bb', r == '\u02bc', r == '\u02be', r == '\u02bf', r == '.':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := letterFolds[r]; ok {
				b.WriteString(f)
				last = rune(f[len(f)-1])
				continue
			}
			if r == last && unicode.IsLetter(r) {
				continue
			}
			b.WriteRune(r)
			last = r
		default:
			if last != ' ' && last != 0 {
				b.WriteByte(' ')
			}
			last = ' '
		}
	}
	words := strings.Fields(b.String())
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) > 1 && arabicArticles[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// Skeleton is a name's Key without the letters transliterations disagree
// on: the vowels (and y) after a word's first letter, doubled consonants
// once ("Nehim" and "Nihm" are "nhm", "Hazam" and "Ḩazm" "hzm").
func Skeleton(name string) string { return keySkeleton(Key(name)) }

// keySkeleton is the Skeleton of a Key.
func keySkeleton(key string) string {
	var b strings.Builder
	b.Grow(len(key))
	var last rune
	start := true
	for _, r := range key {
		switch {
		case r == ' ':
			start = true
			b.WriteByte(' ')
			last = r
			continue
		case !start && strings.ContainsRune("aeiouy", r) || r == last:
		default:
			b.WriteRune(r)
			last = r
		}
		start = false
	}
	return b.String()
}
