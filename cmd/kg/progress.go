package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progress reports long work on stderr: a redrawn bar when stderr is a
// terminal, nothing when it is piped or redirected.
type progress struct {
	w     io.Writer
	label string
	total int
	tty   bool
	last  time.Time
}

// newProgress returns a progress report for total items on w.
func newProgress(w io.Writer, label string, total int) *progress {
	f, ok := w.(*os.File)
	return &progress{w: w, label: label, total: total, tty: ok && term.IsTerminal(int(f.Fd()))}
}

// update shows that done items are finished.
func (p *progress) update(done int) {
	if !p.tty || (done < p.total && time.Since(p.last) < 100*time.Millisecond) {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * done / max(p.total, 1)
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d", p.label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, p.total)
	if done >= p.total {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
