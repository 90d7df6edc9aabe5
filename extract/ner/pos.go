package ner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kg-project/kg/extract/conllu"
	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/nlptrain"
	"github.com/kg-project/kg/extract/tag"
)

// The recognizer's part-of-speech features come from kg's own tagger, the
// one embedded in extract/model, so that training and run time see tags of
// the same quality. Sentences the embedded tagger was trained on (UD
// English EWT train) would get unrealistically good tags from it; they are
// tagged by jackknifing instead: by taggers trained the same way on the
// other folds of the treebank.

// udTrainPath is the UD English EWT train treebank, relative to the shared data folder.
const udTrainPath = "ud-english-ewt/en_ewt-ud-train.conllu"

// embeddedTagger returns kg's embedded tagger.
func embeddedTagger() (*tag.Tagger, error) {
	m, err := model.Load()
	if err != nil {
		return nil, fmt.Errorf("ner: load kg models for the tagger: %w", err)
	}
	return m.Tagger, nil
}

// tagSentences fills the XPOS of every sentence that has none with t.
func tagSentences(t *tag.Tagger, sents []Sentence) {
	for i := range sents {
		if sents[i].XPOS == nil {
			_, sents[i].XPOS = t.Tag(sents[i].Words)
		}
	}
}

// TagTrainingData fills the XPOS of sents for training: sentences of UD
// English EWT train (matched by sent_id) are tagged by taggers trained on
// the other of folds contiguous parts of that treebank, all others by the
// embedded tagger.
func TagTrainingData(ctx context.Context, dataDir string, sents []Sentence, folds int) error {
	if folds < 2 {
		return fmt.Errorf("ner: %d jackknife folds, want at least 2", folds)
	}
	path := filepath.Join(dataDir, udTrainPath)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	ud, err := conllu.ReadAll(ctx, f)
	f.Close()
	if err != nil {
		return fmt.Errorf("ner: read %s: %w", path, err)
	}
	fold := make(map[string]int, len(ud))
	for i, s := range ud {
		fold[s.ID()] = i * folds / len(ud)
	}
	epochs := nlptrain.DefaultOptions().TagEpochs
	for k := range folds {
		var rest []*conllu.Sentence
		for i, s := range ud {
			if i*folds/len(ud) != k {
				rest = append(rest, s)
			}
		}
		t, err := tag.Train(ctx, rest, tag.TrainOptions{Epochs: epochs, Seed: uint64(k) + 1})
		if err != nil {
			return fmt.Errorf("ner: jackknife tagger %d: %w", k+1, err)
		}
		for i := range sents {
			if fk, ok := fold[sents[i].ID]; ok && fk == k {
				_, sents[i].XPOS = t.Tag(sents[i].Words)
			}
		}
	}
	t, err := embeddedTagger()
	if err != nil {
		return err
	}
	tagSentences(t, sents)
	return nil
}
