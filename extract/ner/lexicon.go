package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/kg-project/kg/schema"
)

// maxLexLen is the longest lexicon entry matched, in tokens.
const maxLexLen = 4

// lexicon is a list of known names by kind ("first", "last1k", "city",
// "country"...), matched case-insensitively against token sequences, plus
// kg's schema gazetteer (countries, organizations, government bodies...).
// Matches become features; the model learns how far to trust each kind.
type lexicon struct {
	gaz   *schema.Schema
	kinds map[string][]string   // normalized tokens joined by " " → kinds
	multi map[string]bool       // first tokens of entries longer than one token
	tags  map[string]*[4]string // kind → its "U-", "B-", "I-", "L-" tags
}

// nameWords are common words that occur inside names and say what kind of
// name they are part of: "orgword" for organizations ("the Motion Picture
// Association of America"), "locword" for places ("the Celtic Sea"). They
// are added to every lexicon, so knowledge learned from frequent ones
// (Council, University) carries over to rare ones.
var nameWords = map[string][]string{
	"orgword": {"academy", "administration", "agency", "airlines", "airways", "alliance", "army",
		"assembly", "association", "authority", "bank", "battalion", "board", "brigade",
		"broadcasting", "bureau", "cabinet", "centre", "center", "chamber", "church", "club",
		"coalition", "co", "college", "command", "commission", "committee", "company", "congress",
		"corp", "corporation", "council", "court", "department", "directorate", "division",
		"federation", "force", "forces", "foundation", "front", "fund", "group", "guard",
		"holdings", "hospital", "inc", "institute", "institution", "league", "ltd", "media",
		"militia", "ministry", "movement", "navy", "network", "news", "office", "organisation",
		"organization", "parliament", "party", "police", "press", "regiment", "school",
		"secretariat", "senate", "service", "services", "society", "squad", "systems", "team",
		"times", "tribunal", "trust", "union", "university"},
	"locword": {"airport", "avenue", "basin", "bay", "beach", "border", "boulevard", "bridge",
		"canal", "canyon", "cape", "city", "coast", "county", "creek", "delta", "desert",
		"district", "gulf", "harbor", "harbour", "heights", "highway", "hill", "hills", "island",
		"islands", "lake", "mount", "mountain", "mountains", "ocean", "oblast", "park", "peninsula",
		"plain", "plateau", "port", "province", "region", "republic", "river", "road", "sea",
		"square", "station", "strait", "street", "valley", "village"},
}

// readLexicon reads a gzipped "KIND<TAB>NAME" file, one entry a line.
// Names are split into tokens as the text is (at spaces and inner hyphens)
// and normalized as the text's tokens are, so "Apple Inc." matches
// "Apple Inc" too.
func readLexicon(r io.Reader) (*lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	lex := &lexicon{kinds: make(map[string][]string), multi: make(map[string]bool), tags: make(map[string]*[4]string)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		kind, name, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("line %d: want KIND<TAB>NAME", line)
		}
		var toks []string
		for _, f := range strings.Fields(name) {
			for _, t := range splitHyphens(f) {
				toks = append(toks, normalize(t))
			}
		}
		if len(toks) == 0 || len(toks) > maxLexLen {
			continue
		}
		if len(toks) > 1 {
			lex.multi[toks[0]] = true
		}
		if lex.tags[kind] == nil {
			lex.tags[kind] = &[4]string{"U-" + kind, "B-" + kind, "I-" + kind, "L-" + kind}
		}
		key := strings.Join(toks, " ")
		lex.kinds[key] = append(lex.kinds[key], kind)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	for kind, words := range nameWords {
		lex.tags[kind] = &[4]string{"U-" + kind, "B-" + kind, "I-" + kind, "L-" + kind}
		for _, w := range words {
			lex.kinds[w] = append(lex.kinds[w], kind)
		}
	}
	return lex, zr.Close()
}

// schemaTags are the lexicon tags of schema gazetteer matches, by kind:
// "U-", "B-", "I-", "L-" followed by "schema-" and the kind.
var schemaTags = func() map[string]*[4]string {
	m := make(map[string]*[4]string)
	for _, k := range []string{schema.KindCountry, schema.KindCapital, schema.KindDemonym, schema.KindOrg, schema.KindBody, schema.KindWeapon, schema.KindTitle} {
		m[k] = &[4]string{"U-schema-" + k, "B-schema-" + k, "I-schema-" + k, "L-schema-" + k}
	}
	return m
}()

// addGazetteer appends to out the tags of the schema gazetteer's matches
// in words.
func addGazetteer(g *schema.Schema, words []string, out [][]string) {
	for _, m := range g.Match(words) {
		t, ok := schemaTags[m.Kind]
		if !ok {
			continue
		}
		if m.End-m.Start == 1 {
			out[m.Start] = append(out[m.Start], t[0])
			continue
		}
		out[m.Start] = append(out[m.Start], t[1])
		for j := m.Start + 1; j < m.End-1; j++ {
			out[j] = append(out[j], t[2])
		}
		out[m.End-1] = append(out[m.End-1], t[3])
	}
}

// match appends to out[i] the lexicon features of token i of a sentence
// given its tokens and their normalized forms: "U-kind" for every kind of a one-token
// entry, and "B-kind", "I-kind", "L-kind" along the longest multi-token
// entry starting at each token, then the gazetteer's matches. out must
// have len(lower) entries, which match truncates first.
func (l *lexicon) match(words, lower []string, out [][]string) {
	for i := range out {
		out[i] = out[i][:0]
	}
	// key holds the longest candidate, the words from i joined by spaces;
	// ends[n-1] is where its first n words end. Looking up key[:ends[n-1]]
	// as a string does not allocate.
	var buf [128]byte
	var ends [maxLexLen]int
	for i, w := range lower {
		for _, k := range l.kinds[w] {
			out[i] = append(out[i], l.tags[k][0])
		}
		if !l.multi[w] {
			continue
		}
		longest := min(maxLexLen, len(lower)-i)
		key := buf[:0]
		for n := range longest {
			if n > 0 {
				key = append(key, ' ')
			}
			key = append(key, lower[i+n]...)
			ends[n] = len(key)
		}
		for n := longest; n > 1; n-- {
			kinds, ok := l.kinds[string(key[:ends[n-1]])]
			if !ok {
				continue
			}
			for _, k := range kinds {
				t := l.tags[k]
				out[i] = append(out[i], t[1])
				for j := i + 1; j < i+n-1; j++ {
					out[j] = append(out[j], t[2])
				}
				out[i+n-1] = append(out[i+n-1], t[3])
			}
			break
		}
	}
	if l.gaz != nil {
		addGazetteer(l.gaz, words, out)
	}
}
