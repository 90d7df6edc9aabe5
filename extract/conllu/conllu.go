// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html).
//
// A Sentence keeps everything a file says about it, so that writing back
// what was read reproduces the file: comment lines in order (# newdoc,
// # newpar, # sent_id, # text and any other), the syntactic words, the
// multiword-token lines ("19-20 don't") and the empty nodes of enhanced
// dependencies ("8.1").
package conllu

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line whose ID is an integer).
type Word struct {
	// ID is the 1-based position of the word in its sentence.
	ID int
	// Form, Lemma, UPOS, XPOS and Feats are the columns of the same name;
	// "_" stands for an empty value as in the file.
	Form, Lemma, UPOS, XPOS, Feats string
	// Head is the ID of the head word, 0 for the root, -1 when the column is "_".
	Head int
	// Deprel is the dependency relation, with its subtype ("nsubj:pass").
	Deprel string
	// Deps and Misc are the enhanced dependencies and the miscellaneous column.
	Deps, Misc string
}

// MultiWord is a multiword-token line: the surface token "don't" spanning
// the words First..Last ("do", "n't").
type MultiWord struct {
	First, Last int
	// Form is the surface form; Misc holds SpaceAfter=No and the like.
	Form, Misc string
}

// EmptyNode is an empty-node line ("8.1"), kept as its ten raw columns; it
// follows the word whose ID is After.
type EmptyNode struct {
	After   int
	Columns [10]string
}

// Sentence is one sentence of a CoNLL-U file.
type Sentence struct {
	// Comments are the comment lines in order, without the leading "#" and
	// the one space after it ("sent_id = x", "newpar").
	Comments []string
	Words    []Word
	// MultiWords are the multiword tokens in order.
	MultiWords []MultiWord
	// Empty are the empty nodes in order.
	Empty []EmptyNode
}

// Comment returns the value of the comment "key = value" (or "key" alone,
// which yields "") and whether it is present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		if c == key {
			return "", true
		}
		if v, ok := strings.CutPrefix(c, key+" = "); ok {
			return v, true
		}
		if v, ok := strings.CutPrefix(c, key+" "); ok {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// ID returns the sent_id comment.
func (s *Sentence) ID() string { v, _ := s.Comment("sent_id"); return v }

// Text returns the text comment.
func (s *Sentence) Text() string { v, _ := s.Comment("text"); return v }

// NewDoc reports whether the sentence starts a document (# newdoc).
func (s *Sentence) NewDoc() bool { _, ok := s.Comment("newdoc"); return ok }

// NewPar reports whether the sentence starts a paragraph (# newpar).
func (s *Sentence) NewPar() bool { _, ok := s.Comment("newpar"); return ok }

// SpaceAfter reports whether the word at index i (0-based in Words) is
// followed by a space in the text, taking multiword tokens into account:
// inside a multiword token there is no space, and its last word takes the
// token's SpaceAfter.
func (s *Sentence) SpaceAfter(i int) bool {
	id := s.Words[i].ID
	for _, mw := range s.MultiWords {
		if id >= mw.First && id < mw.Last {
			return false
		}
		if id == mw.Last {
			return !hasMisc(mw.Misc, "SpaceAfter=No")
		}
	}
	return !hasMisc(s.Words[i].Misc, "SpaceAfter=No")
}

// hasMisc reports whether the MISC column misc contains item.
func hasMisc(misc, item string) bool {
	for f := range strings.SplitSeq(misc, "|") {
		if f == item {
			return true
		}
	}
	return false
}

// Reader reads sentences from a CoNLL-U stream.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader reading from r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF after the last one.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if c, ok := strings.CutPrefix(line, "#"); ok {
			s.Comments = append(s.Comments, strings.TrimPrefix(c, " "))
			continue
		}
		if err := s.addLine(line); err != nil {
			return nil, fmt.Errorf("line %d: %w", r.line, err)
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", r.line, err)
	}
	if s != nil {
		return s, nil
	}
	return nil, io.EOF
}

// addLine parses one word, multiword or empty-node line.
func (s *Sentence) addLine(line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("%d columns, want 10", len(cols))
	}
	id := cols[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first > last {
			return fmt.Errorf("bad multiword range %q", id)
		}
		s.MultiWords = append(s.MultiWords, MultiWord{First: first, Last: last, Form: cols[1], Misc: cols[9]})
		return nil
	}
	if a, _, ok := strings.Cut(id, "."); ok {
		after, err := strconv.Atoi(a)
		if err != nil {
			return fmt.Errorf("bad empty node id %q", id)
		}
		s.Empty = append(s.Empty, EmptyNode{After: after, Columns: [10]string(cols)})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("bad word id %q", id)
	}
	if n != len(s.Words)+1 {
		return fmt.Errorf("word id %d out of sequence", n)
	}
	head := -1
	if cols[6] != "_" {
		if head, err = strconv.Atoi(cols[6]); err != nil {
			return fmt.Errorf("bad head %q", cols[6])
		}
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
		Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9],
	})
	return nil
}

// ReadAll reads every sentence of r; ctx is checked between sentences.
func ReadAll(ctx context.Context, r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
}

// Write writes s to w in CoNLL-U, followed by the blank line that ends a
// sentence. Multiword tokens are written before their first word and empty
// nodes after the word they follow.
func Write(w io.Writer, s *Sentence) error {
	var b strings.Builder
	for _, c := range s.Comments {
		b.WriteString("# ")
		b.WriteString(c)
		b.WriteByte('\n')
	}
	mi, ei := 0, 0
	writeEmpty := func(after int) {
		for ei < len(s.Empty) && s.Empty[ei].After == after {
			b.WriteString(strings.Join(s.Empty[ei].Columns[:], "\t"))
			b.WriteByte('\n')
			ei++
		}
	}
	writeEmpty(0)
	for _, wd := range s.Words {
		for mi < len(s.MultiWords) && s.MultiWords[mi].First == wd.ID {
			mw := s.MultiWords[mi]
			fmt.Fprintf(&b, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", mw.First, mw.Last, mw.Form, mw.Misc)
			mi++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			wd.ID, wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.Deprel, wd.Deps, wd.Misc)
		writeEmpty(wd.ID)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}
