package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPropagateLen is the longest name, in tokens, that propagate copies.
const maxPropagateLen = 4

// propagate makes one document's tags consistent: a capitalized name that
// the model labeled in one place is given the same label where the model
// left it untagged ("O"), and so is the surname of a labeled person
// ("Sergey Ryabkov" … "Ryabkov said"). A name labeled differently in
// different places is left alone unless one label has most votes. Only
// occurrences that stand alone are relabeled: not inside a longer run of
// untagged capitalized words. words and tags hold the document's sentences;
// tags are BIO and are changed in place.
func propagate(words, tags [][]string) {
	votes := make(map[string]map[string]int)
	vote := func(key, label string) {
		if votes[key] == nil {
			votes[key] = make(map[string]int)
		}
		votes[key][label]++
	}
	for s := range words {
		for _, sp := range spansOf(tags[s]) {
			if !scored(sp.Label) || sp.End-sp.Start > maxPropagateLen || !capitalized(words[s][sp.Start]) {
				continue
			}
			vote(strings.Join(words[s][sp.Start:sp.End], " "), sp.Label)
			if last := words[s][sp.End-1]; sp.Label == "PER" && sp.End-sp.Start > 1 && capitalized(last) {
				vote(last, "PER")
			}
		}
	}
	names := make(map[string]string, len(votes))
	for key, v := range votes {
		best, n, tie := "", 0, false
		for label, c := range v {
			switch {
			case c > n:
				best, n, tie = label, c, false
			case c == n:
				tie = true
			}
		}
		if !tie {
			names[key] = best
		}
	}
	if len(names) == 0 {
		return
	}
	for s, ws := range words {
		ts := tags[s]
		for i := 0; i < len(ws); i++ {
			if ts[i] != "O" || !capitalized(ws[i]) || (i > 0 && ts[i-1] == "O" && capitalized(ws[i-1])) {
				continue
			}
			for n := min(maxPropagateLen, len(ws)-i); n >= 1; n-- {
				label, ok := names[strings.Join(ws[i:i+n], " ")]
				if !ok || !allO(ts[i:i+n]) || (i+n < len(ws) && ts[i+n] == "O" && capitalized(ws[i+n])) {
					continue
				}
				ts[i] = "B-" + label
				for j := i + 1; j < i+n; j++ {
					ts[j] = "I-" + label
				}
				i += n - 1
				break
			}
		}
	}
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allO(tags []string) bool {
	for _, t := range tags {
		if t != "O" {
			return false
		}
	}
	return true
}
