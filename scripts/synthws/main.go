// Command synthws writes a large CSV workspace for load benchmarks: it reads
// a workspace (typically kg's ingest of a few dozen real articles) and
// repeats its documents until it holds -articles of them, each copy a new
// document (its own id, path and relation ids) with the mentions and
// relations of the original, as if the same article had been ingested again
// under another name with a changed byte. Entities are shared between
// copies, so the parallel relationships between two actors grow with the
// corpus, as they do in a real one.
//
//	go run ./scripts/synthws -from kg-out -articles 5000 -out ws-5000
//
// -first K starts at the K-th document of that sequence, so that shards of
// one large workspace can be written apart: -first 0 -articles 2000 and
// -first 2000 -articles 2000 are the two halves of -articles 4000
// (docs/shards.md measures kg merge with them).
//
// docs/neo4j.md ("Speed") gives the numbers measured with it.
//
// With -texts, it writes articles instead, for ingest benchmarks: the
// *.txt articles of the folder (by default the repository's fixtures)
// repeated to -articles of them as JSON Lines, each copy ending with a
// line "Ref. N." so that it is a new document:
//
//	go run ./scripts/synthws -texts fixtures -articles 5000 -out articles-5000.jsonl
//
// docs/workspace.md ("Store") gives the numbers measured with it.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

func main() {
	from := flag.String("from", "", "workspace `DIR` to repeat")
	out := flag.String("out", "", "workspace `DIR` to write")
	texts := flag.String("texts", "", "folder of *.txt articles to repeat as JSON Lines (instead of -from)")
	articles := flag.Int("articles", 1000, "number of documents to write")
	first := flag.Int("first", 0, "number of the first document to write (0 is the first of -from)")
	flag.Parse()
	if (*from == "") == (*texts == "") || *out == "" || *articles < 1 || *first < 0 {
		fmt.Fprintln(os.Stderr, "usage: synthws -from DIR -out DIR [-articles N] [-first K], or synthws -texts DIR -out FILE.jsonl [-articles N]")
		os.Exit(2)
	}
	var err error
	if *texts != "" {
		err = writeArticles(*texts, *out, *articles)
	} else {
		err = run(context.Background(), *from, *out, *first, *articles)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthws:", err)
		os.Exit(1)
	}
}

// run reads the workspace from, repeats it and writes documents first to
// first+n-1 of the repetition to out.
func run(ctx context.Context, from, out string, first, n int) error {
	base, err := csvws.Read(ctx, from)
	if err != nil {
		return fmt.Errorf("read %s: %w", from, err)
	}
	if len(base.Documents) == 0 {
		return fmt.Errorf("%s has no documents", from)
	}
	mentions := map[string][]graph.Mention{}
	for _, m := range base.Mentions {
		mentions[m.DocumentID] = append(mentions[m.DocumentID], m)
	}
	relations := map[string][]graph.Relation{}
	for _, r := range base.Relations {
		relations[r.DocumentID] = append(relations[r.DocumentID], r)
	}
	g := graph.Graph{Entities: base.Entities}
	for i := first; i < first+n; i++ {
		d := base.Documents[i%len(base.Documents)]
		orig := d.ID
		if c := i / len(base.Documents); c > 0 {
			d.ID = graph.DocumentID(orig + "\x00copy " + strconv.Itoa(c))
			d.Path += "#" + strconv.Itoa(c)
		}
		g.Documents = append(g.Documents, d)
		for _, m := range mentions[orig] {
			m.DocumentID = d.ID
			g.Mentions = append(g.Mentions, m)
		}
		for _, r := range relations[orig] {
			r.DocumentID = d.ID
			r.ID = graph.RelationID(r)
			g.Relations = append(g.Relations, r)
		}
	}
	// Merge recomputes each entity's mentions, documents and first sighting.
	if err := csvws.Write(ctx, out, graph.Merge(graph.Graph{}, g)); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// writeArticles writes n articles as JSON Lines to out: the *.txt files
// under dir in path order, repeated, each copy ending with its number.
func writeArticles(dir, out string, n int) error {
	var texts []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".txt" {
			return err
		}
		b, err := os.ReadFile(p)
		texts = append(texts, strings.TrimSpace(string(b)))
		return err
	})
	if err != nil {
		return err
	}
	if len(texts) == 0 {
		return fmt.Errorf("%s has no *.txt articles", dir)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		text := texts[i%len(texts)] + "\n\nRef. " + strconv.Itoa(i) + ".\n"
		if err := enc.Encode(map[string]string{"text": text, "published": "2024-05-08"}); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
