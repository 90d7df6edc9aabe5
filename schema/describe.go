package schema

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
)

// Describe writes a human-readable summary of the schema to w: entity types,
// the relation vocabulary with CAMEO codes, quad class and Goldstein score,
// the lexicon, gazetteer and word-set sizes, and the Neo4j constraints kg
// creates.
func Describe(w io.Writer, s *Schema) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	p := func(format string, args ...any) { fmt.Fprintf(tw, format, args...) }

	p("ENTITY TYPES (Neo4j labels, besides :Entity)\n")
	types := make([]string, 0, len(EntityTypes()))
	for _, t := range EntityTypes() {
		types = append(types, string(t))
	}
	p("  %s\n\n", strings.Join(types, ", "))

	p("RELATIONS (Neo4j relationship types)\n")
	p("  NAME\tKIND\tCAMEO\tQUAD\tGOLDSTEIN\tDESCRIPTION\n")
	for _, r := range s.Relations() {
		code, quad, gold := "-", "-", "-"
		if r.Kind == KindEvent {
			e, _ := s.Event(r.CAMEO)
			code, quad, gold = r.CAMEO, fmt.Sprint(e.QuadClass), fmt.Sprintf("%.1f", e.Goldstein)
		}
		p("  %s\t%s\t%s\t%s\t%s\t%s\n", r.Name, r.Kind, code, quad, gold, r.Description)
	}
	p("\n")

	verbs, nouns := 0, 0
	for _, es := range s.verbs {
		verbs += len(es)
	}
	for _, es := range s.nouns {
		nouns += len(es)
	}
	p("LEXICON\n  %d entries: %d verb senses, %d noun senses; %d CAMEO event codes\n\n", s.LexiconSize(), verbs, nouns, len(s.eventCodes))

	p("GAZETTEERS\n")
	p("  countries\t%d\n  organizations\t%d\n  government bodies\t%d\n  places\t%d\n  weapons\t%d\n  titles\t%d\n  officeholders\t%d tenures\n\n",
		len(s.countries), len(s.orgs), len(s.bodies), len(s.places), len(s.weapons), len(s.titles), len(s.officeholders))

	words := 0
	for _, ws := range s.wordSets {
		words += ws.Len()
	}
	p("WORD SETS\n  %d sets, %d words (data/words)\n\n", len(s.wordSets), words)
	p("CONSTRUCTIONS\n  %d rules (data/constructions.txt)\n\n", len(s.constructions))

	p("CONSTRAINTS\n")
	for _, c := range slices.Concat(Constraints(), s.RelationConstraints()) {
		p("  %s;\n", c)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("describe schema: %w", err)
	}
	return nil
}
