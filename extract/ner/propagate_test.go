package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestPropagate(t *testing.T) {
	words := [][]string{
		strings.Fields("Sergey Ryabkov spoke to Tass on Monday ."),
		strings.Fields("Ryabkov said Tass had misquoted him ."),
		strings.Fields("Later Ryabkov Street was closed ."),
		strings.Fields("Apple shares rose ; Apple said sales grew ."),
	}
	tags := [][]string{
		{"B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O"},
		{"O", "O", "O", "O", "O", "O", "O"},
		{"O", "O", "O", "O", "O", "O"},
		{"B-ORG", "O", "O", "O", "B-LOC", "O", "O", "O", "O"},
	}
	propagate(words, tags)
	want := [][]string{
		{"B-PER", "I-PER", "O", "O", "B-ORG", "O", "O", "O"},
		// The surname and the organization are copied.
		{"B-PER", "O", "B-ORG", "O", "O", "O", "O"},
		// Not inside a longer run of untagged capitalized words.
		{"O", "O", "O", "O", "O", "O"},
		// Apple has one ORG and one LOC vote: left alone.
		{"B-ORG", "O", "O", "O", "B-LOC", "O", "O", "O", "O"},
	}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("propagate:\n got %q\nwant %q", tags, want)
	}
}
