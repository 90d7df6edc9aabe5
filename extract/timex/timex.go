// Package timex resolves the time expressions of news text ("on Feb. 24",
// "Friday", "last week", "March 12, 2022", "in 2020") against an article's
// publication date.
//
// A resolved date is an ISO 8601 string at the precision the text gives: a
// day (2022-02-24), an ISO week (2022-W10), a month (2022-03) or a year
// (2020). Relative day names resolve to the most recent such day on or
// before the publication date, or the next one when the statement is about
// the future; a month and day without a year take the publication year,
// moved back one year when that would put a past event more than a month
// after publication.
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date the text fixes.
type Precision int

// Precisions, from coarse to fine.
const (
	Year Precision = iota + 1
	Month
	Week
	Day
)

// Date is a resolved time expression.
type Date struct {
	Time      time.Time // the first day of the period
	Precision Precision
}

// String formats d in ISO 8601 at its precision.
func (d Date) String() string {
	switch d.Precision {
	case Year:
		return d.Time.Format("2006")
	case Month:
		return d.Time.Format("2006-01")
	case Week:
		y, w := d.Time.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	default:
		return d.Time.Format("2006-01-02")
	}
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "thursday": time.Thursday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday, "saturday": time.Saturday, "sat": time.Saturday,
}

var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 0, "few": 0}

// IsTimeWord reports whether w (any case) names a month or weekday or is a
// relative day word; callers use it to find candidate time expressions.
func IsTimeWord(w string) bool {
	l := norm(w)
	if _, ok := weekdays[l]; ok {
		return true
	}
	if _, ok := months[l]; ok && l != "may" && l != "mar" {
		return true
	}
	switch l {
	case "may", "mar":
		return w != l // capitalized May / Mar.
	case "today", "yesterday", "tomorrow", "tonight", "week", "month", "year", "ago":
		return true
	}
	return false
}

func norm(w string) string { return strings.TrimSuffix(strings.ToLower(w), ".") }

// Resolve reads the words of one time expression (the tokens of a temporal
// modifier, in order) and returns the date they denote relative to
// published. future selects the next rather than the last weekday.
func Resolve(words []string, published time.Time, future bool) (Date, bool) {
	ws := make([]string, 0, len(words))
	for _, w := range words {
		if w == "," {
			continue
		}
		ws = append(ws, norm(w))
	}
	day := func(t time.Time) (Date, bool) { return Date{Time: t, Precision: Day}, true }
	for i, w := range ws {
		switch w {
		case "today", "tonight":
			return day(published)
		case "yesterday":
			return day(published.AddDate(0, 0, -1))
		case "tomorrow":
			return day(published.AddDate(0, 0, 1))
		}
		if m, ok := months[w]; ok && (w != "may" || capitalized(words, w)) {
			if d, ok := monthExpr(ws, i, m, published, future); ok {
				return d, true
			}
		}
		if wd, ok := weekdays[w]; ok {
			return day(weekday(published, wd, future, i > 0 && ws[i-1] == "last", i > 0 && ws[i-1] == "next"))
		}
		if n, err := strconv.Atoi(w); err == nil && len(w) == 4 && n >= 1900 && n <= 2100 {
			if i+1 < len(ws) {
				if m, ok := months[ws[i+1]]; ok { // "2022 March" is unusual; keep month precision
					return Date{Time: time.Date(n, m, 1, 0, 0, 0, 0, time.UTC), Precision: Month}, true
				}
			}
			if i > 0 {
				if _, ok := months[ws[i-1]]; ok {
					continue
				}
			}
			return Date{Time: time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}, true
		}
		if w == "week" || w == "month" || w == "year" {
			if d, ok := relativePeriod(ws, i, published); ok {
				return d, true
			}
		}
		if w == "ago" && i >= 2 {
			if d, ok := ago(ws[i-2], ws[i-1], published); ok {
				return d, true
			}
		}
	}
	return Date{}, false
}

func capitalized(words []string, lower string) bool {
	for _, w := range words {
		if norm(w) == lower {
			return w != strings.ToLower(w)
		}
	}
	return false
}

// monthExpr reads "March 12", "March 12, 2022", "12 March", "March 2022" or "March" around index i.
func monthExpr(ws []string, i int, m time.Month, published time.Time, future bool) (Date, bool) {
	year, yearGiven := published.Year(), false
	dayNum := 0
	if i+1 < len(ws) {
		if n, ok := dayNumber(ws[i+1]); ok {
			dayNum = n
			if i+2 < len(ws) {
				if y, err := strconv.Atoi(ws[i+2]); err == nil && len(ws[i+2]) == 4 {
					year, yearGiven = y, true
				}
			}
		} else if y, err := strconv.Atoi(ws[i+1]); err == nil && len(ws[i+1]) == 4 {
			year, yearGiven = y, true
		}
	}
	if dayNum == 0 && i > 0 {
		before := i - 1
		if ws[before] == "of" && before > 0 { // "the 3rd of March"
			before--
		}
		if n, ok := dayNumber(ws[before]); ok {
			dayNum = n
			if i+1 < len(ws) {
				if y, err := strconv.Atoi(ws[i+1]); err == nil && len(ws[i+1]) == 4 {
					year, yearGiven = y, true
				}
			}
		}
	}
	if dayNum == 0 {
		t := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
		if !yearGiven && !future && t.After(published.AddDate(0, 1, 0)) {
			t = t.AddDate(-1, 0, 0)
		}
		return Date{Time: t, Precision: Month}, true
	}
	t := time.Date(year, m, dayNum, 0, 0, 0, 0, time.UTC)
	if t.Month() != m { // Feb. 31
		return Date{}, false
	}
	if !yearGiven && !future && t.After(published.AddDate(0, 1, 0)) {
		t = t.AddDate(-1, 0, 0)
	}
	return Date{Time: t, Precision: Day}, true
}

// dayNumber parses "24", "24th", "1st".
func dayNumber(w string) (int, bool) {
	w = strings.TrimRight(w, "stndrh")
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 || len(w) > 2 {
		return 0, false
	}
	return n, true
}

// weekday returns the date of the weekday wd relative to published: the most
// recent one on or before it (the next one when future or next is set;
// "last Friday" always goes back at least one day).
func weekday(published time.Time, wd time.Weekday, future, last, next bool) time.Time {
	if (future || next) && !last {
		delta := (int(wd) - int(published.Weekday()) + 7) % 7
		if delta == 0 && next {
			delta = 7
		}
		return published.AddDate(0, 0, delta)
	}
	delta := (int(published.Weekday()) - int(wd) + 7) % 7
	if delta == 0 && last {
		delta = 7
	}
	return published.AddDate(0, 0, -delta)
}

// relativePeriod reads "last week", "this month", "earlier this month", "next year", "last year".
func relativePeriod(ws []string, i int, published time.Time) (Date, bool) {
	if i == 0 {
		return Date{}, false
	}
	shift := 0
	switch ws[i-1] {
	case "last", "past", "previous":
		shift = -1
	case "this", "current":
	case "next", "coming":
		shift = 1
	default:
		return Date{}, false
	}
	switch ws[i] {
	case "week":
		t := published.AddDate(0, 0, 7*shift)
		return Date{Time: mondayOf(t), Precision: Week}, true
	case "month":
		t := time.Date(published.Year(), published.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, shift, 0)
		return Date{Time: t, Precision: Month}, true
	default:
		return Date{Time: time.Date(published.Year()+shift, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}, true
	}
}

// ago reads "two days ago", "three weeks ago", "a month ago".
func ago(count, unit string, published time.Time) (Date, bool) {
	n, ok := numberWords[count]
	if !ok {
		v, err := strconv.Atoi(count)
		if err != nil {
			return Date{}, false
		}
		n = v
	}
	if n == 0 {
		return Date{}, false
	}
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return Date{Time: published.AddDate(0, 0, -n), Precision: Day}, true
	case "week":
		return Date{Time: mondayOf(published.AddDate(0, 0, -7*n)), Precision: Week}, true
	case "month":
		t := time.Date(published.Year(), published.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0)
		return Date{Time: t, Precision: Month}, true
	case "year":
		return Date{Time: time.Date(published.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}, true
	}
	return Date{}, false
}

func mondayOf(t time.Time) time.Time {
	offset := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -offset)
}
