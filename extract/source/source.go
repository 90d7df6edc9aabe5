// Package source reads the articles kg ingests: plain-text and Markdown
// files, directories of them (recursively), JSON Lines files with one article
// per line, and standard input.
//
// Every article is validated before extraction starts: an empty text, a
// binary file, invalid UTF-8 or a text over the size limit is an *InputError
// naming the file (and line, for JSON Lines), so a bad input stops a run
// before anything is written. With Options.SkipInvalid such articles are
// counted and skipped instead.
package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultMaxBytes is the default size limit of one article's text (8 MiB):
// far above any news article, low enough that a runaway file is refused
// instead of exhausting memory.
const DefaultMaxBytes = 8 << 20

// Article is one input text with its metadata.
type Article struct {
	// ID is the id given in JSON Lines input, else empty.
	ID string
	// Path names where the text came from: a file path, "FILE.jsonl:LINE", or "-".
	Path string
	// Title and URL come from JSON Lines input.
	Title, URL string
	// Published is the publication date as YYYY-MM-DD, or empty when unknown.
	Published string
	// Text is the article text, valid UTF-8 and not blank.
	Text string
}

// InputError is a problem with one input, reported as "FILE[:LINE]: problem".
type InputError struct {
	File string
	Line int // 1-based line for JSON Lines input, 0 otherwise
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Errors for invalid articles, matched with errors.Is.
var (
	ErrEmpty      = errors.New("empty article (no text)")
	ErrBinary     = errors.New("binary file (contains NUL bytes), not a text article")
	ErrUTF16      = errors.New("UTF-16 text (it starts with a UTF-16 byte order mark); convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8")
	ErrInvalidUTF = errors.New("invalid UTF-8")
	ErrTooLarge   = errors.New("article too large")
	ErrNoArticles = errors.New("no articles (*.txt, *.md, *.jsonl) found")
)

// Options configure Read.
type Options struct {
	// Published is the date given to articles that carry none (YYYY-MM-DD).
	Published string
	// MaxBytes limits one article's text; 0 means DefaultMaxBytes.
	MaxBytes int
	// SkipInvalid turns invalid articles into counted skips instead of errors.
	SkipInvalid bool
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Result is what Read found.
type Result struct {
	Articles []Article
	// Skipped lists the invalid articles left out (only with SkipInvalid).
	Skipped []*InputError
}

// Read loads every article named by paths, in order; directories are walked
// recursively in lexical order for *.txt, *.md and *.jsonl files.
func Read(ctx context.Context, paths []string, opts Options) (Result, error) {
	var res Result
	skipped, err := Scan(ctx, paths, opts, func(a Article) error {
		res.Articles = append(res.Articles, a)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	res.Skipped = skipped
	return res, nil
}

// Scan reads the articles that Read returns one at a time and hands each to
// fn, in the same order, holding only the one article in memory: a corpus
// of any size streams through it. It returns the skipped articles (only
// with SkipInvalid), or the first error of reading or of fn.
func Scan(ctx context.Context, paths []string, opts Options, fn func(Article) error) ([]*InputError, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Published != "" {
		d, err := NormalizeDate(opts.Published)
		if err != nil {
			return nil, fmt.Errorf("--published: %w", err)
		}
		opts.Published = d
	}
	r := reader{opts: opts, emit: fn}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := r.path(ctx, p); err != nil {
			return nil, err
		}
	}
	if r.articles == 0 && len(r.skipped) == 0 {
		return nil, fmt.Errorf("%s: %w", strings.Join(paths, ", "), ErrNoArticles)
	}
	return r.skipped, nil
}

type reader struct {
	opts     Options
	emit     func(Article) error
	articles int // articles handed to emit
	skipped  []*InputError
}

func (r *reader) path(ctx context.Context, p string) error {
	if p == "-" {
		if r.opts.Stdin == nil {
			return &InputError{File: "-", Err: errors.New("no standard input")}
		}
		data, err := readLimited(r.opts.Stdin, r.opts.MaxBytes)
		if err != nil {
			return r.invalid(&InputError{File: "-", Err: err})
		}
		return r.add(Article{Path: "-", Text: string(data)}, 0)
	}
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &InputError{File: p, Err: errors.New("no such file or directory")}
		}
		return &InputError{File: p, Err: err}
	}
	if !info.IsDir() {
		return r.file(p)
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if isArticleFile(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return &InputError{File: p, Err: err}
	}
	if len(files) == 0 {
		return &InputError{File: p, Err: ErrNoArticles}
	}
	sort.Strings(files)
	for _, f := range files {
		if err := r.file(f); err != nil {
			return err
		}
	}
	return nil
}

func isArticleFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".jsonl":
		return true
	}
	return false
}

func (r *reader) file(p string) error {
	if strings.EqualFold(filepath.Ext(p), ".jsonl") {
		return r.jsonl(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return &InputError{File: p, Err: err}
	}
	defer f.Close()
	data, err := readLimited(f, r.opts.MaxBytes)
	if err != nil {
		return r.invalid(&InputError{File: p, Err: err})
	}
	return r.add(Article{Path: p, Text: string(data)}, 0)
}

// jsonLine is one article of JSON Lines input.
type jsonLine struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Published string  `json:"published"`
	Text      *string `json:"text"`
}

func (r *reader) jsonl(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return &InputError{File: p, Err: err}
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	before := r.articles + len(r.skipped)
	for line := 1; ; line++ {
		raw, err := readLine(br, r.opts.MaxBytes*2)
		if err != nil && !errors.Is(err, io.EOF) {
			if errors.Is(err, ErrTooLarge) {
				if e := r.invalid(&InputError{File: p, Line: line, Err: err}); e != nil {
					return e
				}
				continue
			}
			return &InputError{File: p, Line: line, Err: err}
		}
		if len(bytes.TrimSpace(raw)) > 0 {
			if e := r.jsonArticle(p, line, raw); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if r.articles+len(r.skipped) == before {
		return &InputError{File: p, Err: errors.New("no articles (the JSON Lines file is empty)")}
	}
	return nil
}

func (r *reader) jsonArticle(p string, line int, raw []byte) error {
	if !utf8.Valid(raw) {
		return r.invalid(&InputError{File: p, Line: line, Err: ErrInvalidUTF})
	}
	var jl jsonLine
	if err := json.Unmarshal(raw, &jl); err != nil {
		return r.invalid(&InputError{File: p, Line: line, Err: jsonError(err)})
	}
	if jl.Text == nil {
		return r.invalid(&InputError{File: p, Line: line, Err: errors.New(`missing "text" field`)})
	}
	a := Article{ID: jl.ID, Path: fmt.Sprintf("%s:%d", p, line), Title: jl.Title, URL: jl.URL, Text: *jl.Text}
	if jl.Published != "" {
		d, err := NormalizeDate(jl.Published)
		if err != nil {
			return r.invalid(&InputError{File: p, Line: line, Err: fmt.Errorf("published: %v", err)})
		}
		a.Published = d
	}
	return r.add(a, line)
}

// add validates a and appends it, or reports why it is invalid.
func (r *reader) add(a Article, line int) error {
	file := a.Path
	if line > 0 {
		file = strings.TrimSuffix(a.Path, fmt.Sprintf(":%d", line))
	}
	if err := Validate(a.Text, r.opts.MaxBytes); err != nil {
		return r.invalid(&InputError{File: file, Line: line, Err: err})
	}
	if a.Published == "" {
		a.Published = r.opts.Published
	}
	r.articles++
	return r.emit(a)
}

// invalid records e as a skip when skipping is on, else returns it.
func (r *reader) invalid(e *InputError) error {
	if r.opts.SkipInvalid {
		r.skipped = append(r.skipped, e)
		return nil
	}
	return e
}

// Validate reports why text cannot be an article, or nil.
func Validate(text string, maxBytes int) error {
	if maxBytes > 0 && len(text) > maxBytes {
		return fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, len(text), maxBytes)
	}
	if strings.HasPrefix(text, "\xff\xfe") || strings.HasPrefix(text, "\xfe\xff") {
		return ErrUTF16
	}
	if strings.IndexByte(text, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.ValidString(text) {
		return ErrInvalidUTF
	}
	if strings.TrimSpace(text) == "" {
		return ErrEmpty
	}
	return nil
}

// jsonError describes why a JSON line is not an article without naming Go
// types: a field of the wrong type, or malformed JSON.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return fmt.Errorf("field %q: want a string, got %s", te.Field, article(te.Value))
	}
	if errors.As(err, &te) {
		return fmt.Errorf("want a JSON object, got %s", article(te.Value))
	}
	return fmt.Errorf("malformed JSON: %v", err)
}

// article prefixes a JSON value kind with its indefinite article ("a
// number", "an array").
func article(kind string) string {
	if strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}

// readLimited reads all of rd, failing with ErrTooLarge past max bytes.
func readLimited(rd io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(rd, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// readLine reads one line without its newline. A line longer than max bytes
// is consumed whole and reported as ErrTooLarge, so reading resumes at the
// next line.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > max {
				tooLong, line = true, nil
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == nil || errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("%w (line longer than %d bytes)", ErrTooLarge, max)
			}
			return nil, err
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// NormalizeDate parses a date in a common form (2022-03-12, 2022-03-12T10:00:00Z,
// March 12, 2022, 12 March 2022) and returns it as YYYY-MM-DD.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "02 Jan 2006", "2006/01/02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("unrecognized date %q (want YYYY-MM-DD)", s)
}
