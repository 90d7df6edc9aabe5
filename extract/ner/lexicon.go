package ner

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/kg-project/kg/flat"

	"github.com/kg-project/kg/schema"
)

// maxLexLen is the longest lexicon entry matched, in tokens.
const maxLexLen = 4

// lexicon is a list of known names by kind ("first", "last1k", "city",
// "country"...), matched case-insensitively against token sequences, plus
// kg's schema gazetteer (countries, organizations, government bodies...).
// Matches become features; the model learns how far to trust each kind.
// Its tables are flat (package flat), so that a process maps them from the
// cache instead of building them.
type lexicon struct {
	gaz *schema.Schema
	// names holds the entries, normalized tokens joined by " "; the kinds
	// of entry i are kinds[kindStart[i]:kindStart[i+1]], indices of tags.
	names     flat.Map
	kindStart []uint32
	kinds     []uint16
	multi     flat.Map    // first tokens of entries longer than one token
	tags      [][4]string // by kind: its "U-", "B-", "I-", "L-" tags
	first     int         // the kind "first", or -1
}

// kindsOf returns the kinds of entry key, as indices of l.tags.
func (l *lexicon) kindsOf(key string) []uint16 {
	i := l.names.Index(key)
	if i < 0 {
		return nil
	}
	return l.kinds[l.kindStart[i]:l.kindStart[i+1]]
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

// readLexicon reads a gzipped "KIND<TAB>NAME" file, one entry a line, and
// returns its flat payload (see viewLexicon).
// Names are split into tokens as the text is (at spaces and inner hyphens)
// and normalized as the text's tokens are, so "Apple Inc." matches
// "Apple Inc" too.
func readLexicon(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	kinds := map[string][]string{} // entry → its kinds, in the file's order
	var names []string             // the entries in the file's order: sorting them costs more than the rest
	var multi []string
	isMulti := map[string]bool{}
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
		if len(toks) > 1 && !isMulti[toks[0]] {
			isMulti[toks[0]] = true
			multi = append(multi, toks[0])
		}
		key := strings.Join(toks, " ")
		if _, ok := kinds[key]; !ok {
			names = append(names, key)
		}
		kinds[key] = append(kinds[key], kind)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	for _, kind := range slices.Sorted(maps.Keys(nameWords)) {
		for _, w := range nameWords[kind] {
			if _, ok := kinds[w]; !ok {
				names = append(names, w)
			}
			kinds[w] = append(kinds[w], kind)
		}
	}
	if err := zr.Close(); err != nil {
		return nil, err
	}
	return flattenLexicon(names, kinds, multi), nil
}

// flattenLexicon returns the payload of the lexicon of entries names, in
// that order, whose kinds are kinds[name], and whose entries longer than
// one token start with the tokens multi.
func flattenLexicon(names []string, kinds map[string][]string, multi []string) []byte {
	var kindNames []string
	index := map[string]uint16{}
	start := []uint32{0}
	var list []uint16
	for _, n := range names {
		for _, k := range kinds[n] {
			i, ok := index[k]
			if !ok {
				i = uint16(len(kindNames))
				index[k] = i
				kindNames = append(kindNames, k)
			}
			list = append(list, i)
		}
		start = append(start, uint32(len(list)))
	}
	var b flat.Builder
	flat.AppendMap(&b, names)
	flat.Append(&b, start)
	flat.Append(&b, list)
	flat.AppendMap(&b, multi)
	flat.AppendMap(&b, kindNames)
	return b.Payload()
}

// viewLexicon returns the lexicon of payload p (of readLexicon), whose
// tables point into p.
func viewLexicon(p []byte) (*lexicon, error) {
	r := flat.NewReader(p)
	l := &lexicon{names: flat.ViewMap(r), kindStart: flat.View[uint32](r), kinds: flat.View[uint16](r), multi: flat.ViewMap(r)}
	kindNames := flat.ViewMap(r)
	if err := r.Done(); err != nil {
		return nil, err
	}
	if len(l.kindStart) != l.names.Len()+1 || int(l.kindStart[len(l.kindStart)-1]) != len(l.kinds) {
		return nil, errors.New("malformed lexicon")
	}
	for _, k := range l.kinds {
		if int(k) >= kindNames.Len() {
			return nil, errors.New("malformed lexicon")
		}
	}
	l.tags = make([][4]string, kindNames.Len())
	for i := range l.tags {
		kind := kindNames.Keys.At(i)
		l.tags[i] = [4]string{"U-" + kind, "B-" + kind, "I-" + kind, "L-" + kind}
	}
	l.first = kindNames.Index("first")
	return l, nil
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
		for _, k := range l.kindsOf(w) {
			out[i] = append(out[i], l.tags[k][0])
		}
		if l.multi.Index(w) < 0 {
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
			e := l.names.IndexBytes(key[:ends[n-1]])
			if e < 0 {
				continue
			}
			kinds := l.kinds[l.kindStart[e]:l.kindStart[e+1]]
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
