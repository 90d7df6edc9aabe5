package export

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestColumns(t *testing.T) {
	cols := Columns(false)
	if len(cols) != 69 || cols[0] != "GlobalEventID" || cols[26] != "EventCode" || cols[60] != "SOURCEURL" || cols[61] != "kg_relation_id" || cols[68] != "kg_modality" {
		t.Errorf("Columns(false): %d columns %q", len(cols), cols)
	}
	if neg := Columns(true); len(neg) != 70 || neg[69] != "kg_negated" {
		t.Errorf("Columns(true) ends %q, want kg_negated", neg[len(neg)-1])
	}
}

func sampleRow() EventRow {
	return EventRow{
		GlobalEventID: 42, Day: "20220224", MonthYear: "202202", Year: "2022", FractionDate: "2022.2301",
		Actor1:      Actor{Code: "RUSMIL", Name: "Russian military", CountryCode: "RUS", Type1Code: "MIL"},
		Actor2:      Actor{Code: "IGONAT", Name: "North Atlantic Treaty Organization", KnownGroupCode: "NAT", Type1Code: "IGO"},
		IsRootEvent: true, EventCode: "0874", EventBaseCode: "087", EventRootCode: "08", QuadClass: 2, GoldsteinScale: 10,
		NumMentions: 3, NumSources: 2, NumArticles: 2, ActionGeo: Geo{Type: 4, FullName: "Kharkiv, Ukraine"},
		DateAdded: "20220312000000", SourceURL: "https://example.com/a",
		RelationID: "r1", Relation: "RETREATS", Predicate: "withdraw", Sentence: "Troops withdrew,\tthen\nleft.",
		Confidence: 0.8, DocumentID: "d1", Date: "2022-02-24", Modality: "asserted", Negated: true,
	}
}

func TestWriteTSV(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, []EventRow{sampleRow()}, WriteOptions{Format: TSV, Header: true, NegatedColumn: true}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if len(lines) != 3 || lines[2] != "" {
		t.Fatalf("want a header, one row and a final newline; got %q", buf.String())
	}
	if want := strings.Join(Columns(true), "\t"); lines[0] != want {
		t.Errorf("header %q, want %q", lines[0], want)
	}
	want := "42\t20220224\t202202\t2022\t2022.2301\t" +
		"RUSMIL\tRussian military\tRUS\t\t\t\t\tMIL\t\t\t" +
		"IGONAT\tNorth Atlantic Treaty Organization\t\tNAT\t\t\t\tIGO\t\t\t" +
		"1\t0874\t087\t08\t2\t10.0\t3\t2\t2\t\t" +
		strings.Repeat("\t", 16) +
		"4\tKharkiv, Ukraine\t\t\t\t\t\t\t" +
		"20220312000000\thttps://example.com/a\t" +
		"r1\tRETREATS\twithdraw\tTroops withdrew, then left.\t0.80\td1\t2022-02-24\tasserted\ttrue"
	if lines[1] != want {
		t.Errorf("row\n got %q\nwant %q", lines[1], want)
	}
	if n := strings.Count(lines[1], "\t"); n != 69 {
		t.Errorf("row has %d tabs, want 69", n)
	}
}

func TestWriteCSVWithoutHeader(t *testing.T) {
	var buf bytes.Buffer
	r := sampleRow()
	r.Actor1 = Actor{}
	r.ActionGeo = Geo{}
	if err := Write(&buf, []EventRow{r}, WriteOptions{Format: CSV}); err != nil {
		t.Fatal(err)
	}
	want := "42,20220224,202202,2022,2022.2301," + strings.Repeat(",", 10) +
		"IGONAT,North Atlantic Treaty Organization,,NAT,,,,IGO,,," +
		"1,0874,087,08,2,10.0,3,2,2,," + strings.Repeat(",", 24) +
		"20220312000000,https://example.com/a," +
		"r1,RETREATS,withdraw,\"Troops withdrew,\tthen\nleft.\",0.80,d1,2022-02-24,asserted\n"
	if buf.String() != want {
		t.Errorf("CSV\n got %q\nwant %q", buf.String(), want)
	}
}

func TestRecordNeutralizesFormulas(t *testing.T) {
	r := sampleRow()
	r.Sentence = "-Russia invaded Ukraine."
	r.Actor2.Name = `=HYPERLINK("http://evil.example")`
	r.SourceURL = "@source"
	r.GoldsteinScale = -9.5
	rec := r.Record(false)
	cols := Columns(false)
	for col, want := range map[string]string{
		"kg_sentence": "'-Russia invaded Ukraine.", "Actor2Name": `'=HYPERLINK("http://evil.example")`,
		"SOURCEURL": "'@source", "GoldsteinScale": "-9.5", "Actor1Name": "Russian military",
	} {
		i := slices.Index(cols, col)
		if rec[i] != want {
			t.Errorf("%s = %q, want %q", col, rec[i], want)
		}
	}
}
