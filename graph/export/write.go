package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph/csvws"
)

// Format is an output format of Write.
type Format int

// The formats.
const (
	// TSV is tab-separated values, as in GDELT's files: no quoting; tabs
	// and line breaks inside a cell become spaces.
	TSV Format = iota
	// CSV is RFC 4180 comma-separated values (encoding/csv).
	CSV
)

// WriteOptions say how Write prints rows.
type WriteOptions struct {
	Format Format
	// Header writes the column names first (GDELT's own files have none).
	Header bool
	// NegatedColumn adds the kg_negated column, for rows selected with
	// Options.IncludeNegated.
	NegatedColumn bool
}

// gdeltColumns are the 61 columns of the GDELT 2.0 event table, in order
// (../shared/reference/gdelt-event-columns.md).
var gdeltColumns = []string{
	"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// kgColumns follow the GDELT columns.
var kgColumns = []string{
	"kg_relation_id", "kg_relation", "kg_predicate", "kg_sentence", "kg_confidence",
	"kg_document_id", "kg_date", "kg_modality",
}

// negatedColumn is added last by WriteOptions.NegatedColumn.
const negatedColumn = "kg_negated"

// Columns returns the column names, in order: the 61 GDELT 2.0 columns, the
// kg columns, and kg_negated when negated is true.
func Columns(negated bool) []string {
	cols := append(append([]string{}, gdeltColumns...), kgColumns...)
	if negated {
		cols = append(cols, negatedColumn)
	}
	return cols
}

// Record returns the row's cells in the order of Columns(negated). Text
// cells that a spreadsheet would run as a formula (starting with "=", "+",
// "-", "@", tab or carriage return) get a leading "'" (csvws.Neutralize);
// numbers never do.
func (r EventRow) Record(negated bool) []string {
	rec := make([]string, 0, len(gdeltColumns)+len(kgColumns)+1)
	rec = append(rec, strconv.FormatUint(r.GlobalEventID, 10), r.Day, r.MonthYear, r.Year, r.FractionDate)
	rec = append(rec, actorCells(r.Actor1)...)
	rec = append(rec, actorCells(r.Actor2)...)
	rec = append(rec, boolDigit(r.IsRootEvent), csvws.Neutralize(r.EventCode), csvws.Neutralize(r.EventBaseCode), csvws.Neutralize(r.EventRootCode),
		strconv.Itoa(r.QuadClass), strconv.FormatFloat(r.GoldsteinScale, 'f', 1, 64),
		strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumSources), strconv.Itoa(r.NumArticles),
		"") // AvgTone: kg measures no tone
	rec = append(rec, geoCells(r.Actor1Geo)...)
	rec = append(rec, geoCells(r.Actor2Geo)...)
	rec = append(rec, geoCells(r.ActionGeo)...)
	rec = append(rec, r.DateAdded, csvws.Neutralize(r.SourceURL))
	rec = append(rec, csvws.Neutralize(r.RelationID), csvws.Neutralize(r.Relation), csvws.Neutralize(r.Predicate), csvws.Neutralize(r.Sentence),
		strconv.FormatFloat(r.Confidence, 'f', 2, 64), csvws.Neutralize(r.DocumentID), csvws.Neutralize(r.Date), csvws.Neutralize(r.Modality))
	if negated {
		rec = append(rec, strconv.FormatBool(r.Negated))
	}
	return rec
}

// geoCells returns the eight columns of a location: type, full name,
// country, ADM1 and ADM2 codes, latitude, longitude and feature id.
// ADM2Code stays empty: GDELT's are GAUL codes, which kg's data lacks.
func geoCells(g Geo) []string {
	var typ string
	if g.Type != 0 {
		typ = strconv.Itoa(g.Type)
	}
	return []string{typ, csvws.Neutralize(g.FullName), csvws.Neutralize(g.CountryCode), csvws.Neutralize(g.ADM1Code), "", g.Lat, g.Long, g.FeatureID}
}

// actorCells returns the ten actor columns: code, name, country, known
// group, ethnic, two religions and three types.
func actorCells(a Actor) []string {
	return []string{csvws.Neutralize(a.Code), csvws.Neutralize(a.Name), csvws.Neutralize(a.CountryCode), csvws.Neutralize(a.KnownGroupCode), "", "", "", csvws.Neutralize(a.Type1Code), "", ""}
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Write prints rows to w in the format and with the columns opts give.
func Write(w io.Writer, rows []EventRow, opts WriteOptions) error {
	var err error
	switch opts.Format {
	case TSV:
		err = writeTSV(w, rows, opts)
	case CSV:
		err = writeCSV(w, rows, opts)
	default:
		err = fmt.Errorf("unknown format %d", opts.Format)
	}
	if err != nil {
		return fmt.Errorf("write events: %w", err)
	}
	return nil
}

// tsvCell replaces the characters that would break a TSV line.
var tsvCell = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

func writeTSV(w io.Writer, rows []EventRow, opts WriteOptions) error {
	bw := bufio.NewWriter(w)
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				bw.WriteByte('\t')
			}
			tsvCell.WriteString(bw, c)
		}
		bw.WriteByte('\n')
	}
	if opts.Header {
		line(Columns(opts.NegatedColumn))
	}
	for _, r := range rows {
		line(r.Record(opts.NegatedColumn))
	}
	return bw.Flush()
}

func writeCSV(w io.Writer, rows []EventRow, opts WriteOptions) error {
	cw := csv.NewWriter(w)
	if opts.Header {
		cw.Write(Columns(opts.NegatedColumn))
	}
	for _, r := range rows {
		cw.Write(r.Record(opts.NegatedColumn))
	}
	cw.Flush()
	return cw.Error()
}
