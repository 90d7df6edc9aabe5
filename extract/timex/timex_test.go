package timex

import (
	"strings"
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	// 2022-03-12 is a Saturday.
	pub := time.Date(2022, 3, 12, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		expr   string
		future bool
		want   string
	}{
		{"on Feb. 24", false, "2022-02-24"},
		{"March 12", false, "2022-03-12"},
		{"Dec. 30", false, "2021-12-30"}, // a past event cannot be months after publication
		{"Dec. 30", true, "2022-12-30"},
		{"March 12 , 2014", false, "2014-03-12"},
		{"24 February 2022", false, "2022-02-24"},
		{"the 3rd of March", false, "2022-03-03"},
		{"Friday", false, "2022-03-11"},
		{"Saturday", false, "2022-03-12"},
		{"last Saturday", false, "2022-03-05"},
		{"Monday", true, "2022-03-14"},
		{"yesterday", false, "2022-03-11"},
		{"last week", false, "2022-W09"},
		{"earlier this month", false, "2022-03"},
		{"two months ago", false, "2022-01"},
		{"three days ago", false, "2022-03-09"},
		{"in 2020", false, "2020"},
		{"in March", false, "2022-03"},
		{"July 8", false, "2021-07-08"},
	}
	for _, c := range cases {
		d, ok := Resolve(strings.Fields(c.expr), pub, c.future)
		if !ok {
			t.Errorf("Resolve(%q) failed, want %s", c.expr, c.want)
			continue
		}
		if d.String() != c.want {
			t.Errorf("Resolve(%q, future=%v) = %s, want %s", c.expr, c.future, d, c.want)
		}
	}
	for _, bad := range []string{"the weapons", "may be", "Feb. 31"} {
		if d, ok := Resolve(strings.Fields(bad), pub, false); ok {
			t.Errorf("Resolve(%q) = %s, want no date", bad, d)
		}
	}
}

func TestIsTimeWord(t *testing.T) {
	for w, want := range map[string]bool{"Friday": true, "Feb.": true, "May": true, "may": false, "week": true, "Ukraine": false} {
		if got := IsTimeWord(w); got != want {
			t.Errorf("IsTimeWord(%q) = %v, want %v", w, got, want)
		}
	}
}
