package ner

import "strings"

// The model predicts BILOU classes (Begin, Inside, Last, Outside, Unit),
// which make span ends explicit; they are converted to BIO on output.

// tagClass is a parsed BILOU class: a move ('O', 'B', 'I', 'L', 'U') and
// a label ("" for 'O').
type tagClass struct {
	move  byte
	label string
}

// bilouClasses returns the class names the model predicts: "O" then B-, I-,
// L-, U- for each label.
func bilouClasses() []string {
	out := []string{"O"}
	for _, l := range labels {
		for _, m := range "BILU" {
			out = append(out, string(m)+"-"+l)
		}
	}
	return out
}

// parseClass parses a BILOU class name.
func parseClass(name string) tagClass {
	if name == "O" {
		return tagClass{move: 'O'}
	}
	return tagClass{move: name[0], label: name[2:]}
}

// open reports whether the class leaves a span open (B or I).
func (c tagClass) open() bool { return c.move == 'B' || c.move == 'I' }

// allowed reports whether class c may follow class prev in a sentence; last
// is true for the sentence's final token, where no span may stay open.
func allowed(prev, c tagClass, last bool) bool {
	if prev.open() {
		if c.label != prev.label || (c.move != 'I' && c.move != 'L') {
			return false
		}
	} else if c.move == 'I' || c.move == 'L' {
		return false
	}
	return !last || !c.open()
}

// bio returns the BIO tag of class c ("U-PER" → "B-PER", "L-ORG" → "I-ORG").
func (c tagClass) bio() string {
	switch c.move {
	case 'B', 'U':
		return "B-" + c.label
	case 'I', 'L':
		return "I-" + c.label
	}
	return "O"
}

// toBILOU converts valid BIO tags to BILOU class names.
func toBILOU(bio []string) []string {
	out := make([]string, len(bio))
	for i, t := range bio {
		if t == "O" {
			out[i] = "O"
			continue
		}
		label := t[2:]
		continues := i+1 < len(bio) && bio[i+1] == "I-"+label
		switch {
		case strings.HasPrefix(t, "B-") && continues:
			out[i] = "B-" + label
		case strings.HasPrefix(t, "B-"):
			out[i] = "U-" + label
		case continues:
			out[i] = "I-" + label
		default:
			out[i] = "L-" + label
		}
	}
	return out
}
