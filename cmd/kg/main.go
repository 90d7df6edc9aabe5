// Command kg turns conflict news into a knowledge graph: actors and who did
// what to whom, typed and CAMEO-coded, written as CSV files and loaded into
// Neo4j.
//
// Exit status: 0 on success, 1 on failure, 2 on a usage error.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/kg-project/kg/extract"
	"github.com/kg-project/kg/flat"
	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks an error caused by how kg was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usage error.
func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

func main() {
	tuneCollector()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneCollector sets the garbage collector for throughput, unless the
// GOGC or GOMEMLIMIT environment variables say otherwise: a collection
// when the heap has grown by 400 % of what survived the last one (Go's
// default is 100 %), and a soft limit of 256 MiB of Go memory at which it
// collects more often. kg's live heap is small (the models are mapped
// files, and ingest streams articles: 10 MiB after a collection over the
// speed corpus, 55 MiB at 5,000 articles), so the higher percentage saves
// most of the collector's CPU time (docs/nlp.md, "Speed per core"), and
// the limit, above twice that live heap, keeps the peak from growing five
// times as fast as the live heap does with the corpus (docs/workspace.md).
func tuneCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}

// run executes kg with args and returns the exit status. Every error is
// printed here, once, as one line on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil || errors.Is(err, errHelpShown) {
		return exitOK
	}
	fmt.Fprintf(stderr, "kg: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// newApp builds the command tree. Each command lives in its own cmd_*.go file
// as a newXCommand constructor.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "kg",
		Usage:     "turn conflict news into a CAMEO-coded knowledge graph",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are printed by run, exactly once.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{msg: err.Error()}
		},
		// An unknown command is a usage error (exit 2); the library's
		// default action would fail with "No help topic" (exit 1).
		// Declared here because defining a "help" command stops the
		// library from adding its --help flag.
		Flags: []cli.Flag{cli.HelpFlag},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("unknown command %q (see kg --help)", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		Commands: []*cli.Command{
			// Commands are added here, one line each.
			newHelpCommand(),
			newIngestCommand(),
			newExtractCommand(),
			newEvalCommand(),
			newTrainNERCommand(),
			newTrainCommand(),
			newParseCommand(),
			newNLPEvalCommand(),
			newLoadCommand(),
			newMergeCommand(),
			newQueryCommand(),
			newSchemaCommand(),
			newExportCommand(),
			newViewCommand(),
		},
	}
	// A bad flag of any command is a usage error too: one line, exit 2.
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
		switch cmd.Name {
		case "ingest", "extract", "eval", "parse", "nlp-eval", "train-ner":
			addCacheDirFlag(cmd)
		}
		requireFlags(cmd)
	}
	return app
}

// requireFlags makes a missing required string (or string list) flag of cmd a one-line
// usage error (exit 2): the library's own check prints the whole help and
// fails with exit status 1.
func requireFlags(cmd *cli.Command) {
	var names []string
	for _, f := range cmd.Flags {
		switch sf := f.(type) {
		case *cli.StringFlag:
			if sf.Required {
				sf.Required = false
				names = append(names, sf.Name)
			}
		case *cli.StringSliceFlag:
			if sf.Required {
				sf.Required = false
				names = append(names, sf.Name)
			}
		}
	}
	if len(names) == 0 {
		return
	}
	before := cmd.Before
	cmd.Before = func(c *cli.Context) error {
		for _, n := range names {
			if !c.IsSet(n) {
				return usagef("%s: --%s is required (see kg %s --help)", cmd.Name, n, cmd.Name)
			}
		}
		if before != nil {
			return before(c)
		}
		return nil
	}
}

// addCacheDirFlag gives cmd, which loads the embedded models, the flag
// --cache-dir: the directory that keeps their decoded form between runs
// (package flat), which applyCacheDir passes to the loaders as
// $KG_CACHE_DIR.
func addCacheDirFlag(cmd *cli.Command) {
	cmd.Flags = append(cmd.Flags, &cli.StringFlag{
		Name: "cache-dir",
		Usage: "keep the decoded models in `DIR` between runs (default: $" + flat.CacheEnv +
			", else kg/ in the user's cache directory; \"off\": none)",
	})
	before := cmd.Before
	cmd.Before = func(c *cli.Context) error {
		if err := applyCacheDir(c); err != nil {
			return err
		}
		if before != nil {
			return before(c)
		}
		return nil
	}
}

// applyCacheDir sets $KG_CACHE_DIR to the value of --cache-dir when the
// command has it and it is set. It runs before a command's action, and
// again from positionalArgs for the commands that parse their own flags.
func applyCacheDir(c *cli.Context) error {
	if findFlag(c.Command, "cache-dir") == nil || !c.IsSet("cache-dir") {
		return nil
	}
	if err := os.Setenv(flat.CacheEnv, c.String("cache-dir")); err != nil {
		return fmt.Errorf("--cache-dir: %w", err)
	}
	return nil
}

// newHelpCommand replaces the library's help command, which fails with exit
// status 1 on an unknown topic; here that is a usage error like any other.
func newHelpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Aliases:   []string{"h"},
		Usage:     "show the commands, or one command's help",
		ArgsUsage: "[COMMAND]",
		Action: func(c *cli.Context) error {
			if !c.Args().Present() {
				return cli.ShowAppHelp(c)
			}
			name := c.Args().First()
			if c.App.Command(name) == nil {
				return usagef("help: unknown command %q (see kg --help)", name)
			}
			// Show it from the app's context, where the commands are.
			return cli.ShowCommandHelp(c.Lineage()[1], name)
		},
	}
}

// newExtractor loads the extractor (extract.New) with the garbage
// collector held back until the heap reaches loadHeapLimit: what loading
// allocates from the model cache stays live, so the collections it would
// run while the heap grows from nothing find little garbage, and they were
// a quarter of the CPU of a one-article ingest (docs/nlp.md, "Loading the
// models"). The limit bounds the garbage of decoding without a cache.
func newExtractor(opts extract.Options) (*extract.Extractor, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(min(debug.SetMemoryLimit(-1), loadHeapLimit)))
	return extract.New(opts)
}

// loadHeapLimit is the heap size at which newExtractor lets the garbage
// collector run.
const loadHeapLimit = 256 << 20
