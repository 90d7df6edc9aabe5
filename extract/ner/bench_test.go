package ner_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kg-project/kg/extract/model"
	"github.com/kg-project/kg/extract/ner"
	"github.com/kg-project/kg/extract/nlp"
	"github.com/kg-project/kg/extract/pipeline"
)

// benchText is a news-like passage written for the benchmark.
var benchText = strings.Repeat(`The foreign ministers of France and Germany met in Warsaw on Tuesday to discuss new sanctions against Iran, officials said.
"We will not accept threats against our partners," said Annalena Baerbock, who travelled with a delegation from the European Commission.
Turkish drones struck positions held by the Kurdistan Workers' Party near the Iraqi town of Duhok, according to a statement from the Defense Ministry in Ankara.
The United Nations Security Council is expected to vote on a resolution drafted by Brazil later this week.
`, 20)

// annotated runs kg's linguistic core over benchText.
func annotated(b *testing.B) (*pipeline.Pipeline, *nlp.Document) {
	m, err := model.Load()
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(m)
	d, err := p.Run(context.Background(), benchText)
	if err != nil {
		b.Fatal(err)
	}
	return p, d
}

// BenchmarkCore measures tokenize+segment+tag+lemma+parse, the cost NER
// is compared with.
func BenchmarkCore(b *testing.B) {
	p, d := annotated(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Run(context.Background(), benchText); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkRecognizer measures entity recognition on an annotated document.
func BenchmarkRecognizer(b *testing.B) {
	_, d := annotated(b)
	rec, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := rec.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
