// Package neo4jsink loads a graph.Graph into Neo4j and runs Cypher queries
// against it.
//
// The model (docs/neo4j.md): every entity is a node labelled :Entity plus its
// schema type (:Country, :Person, ...); every document a :Document node;
// entities point to the documents that mention them with MENTIONED_IN
// {count}; every relation is a relationship whose type is the relation's
// schema name (SUPPLIES, INVADES, ...) carrying all relation fields as
// properties. Labels and relationship types come only from the schema
// vocabulary, checked before anything is written; every value is a query
// parameter.
//
// A load mirrors the graph: afterwards the database holds exactly g's nodes
// and relationships among those kg owns (every :Entity and :Document node
// and every relationship between two of them). It lists what the database
// holds (ids and the kg_hash fingerprint of each node's and relationship's
// properties) and sends only the difference, each batch of rows
// (UNWIND $rows) one managed write transaction that the driver retries on
// transient errors. A load that fails part-way leaves whole batches behind;
// running it again completes it, and running it twice sends nothing.
package neo4jsink

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// DefaultBatchSize is the number of rows per write transaction when
// Config.BatchSize is zero. Loading the 5,000-article benchmark workspace
// (docs/neo4j.md, "Speed") took 28 s in batches of 1,000 and 16-19 s in
// batches of 5,000, 10,000 or 20,000.
const DefaultBatchSize = 5000

// connectTimeout bounds the connectivity check that precedes any work, so an
// unreachable server or a rejected login fails fast.
const connectTimeout = 8 * time.Second

// Config says which Neo4j to use and how.
type Config struct {
	URI      string // bolt://, neo4j:// (or +s/+ssc variants) URI; required
	Username string // empty for no authentication
	Password string
	Database string // empty for the server's default database
	// BatchSize is the number of rows per write transaction; 0 means
	// DefaultBatchSize.
	BatchSize int
	// Shard makes Load a shard load (docs/shards.md): it writes the graph's
	// documents, with their links and relations, beside what other loads
	// wrote, deleting nothing outside them, and merges the graph's
	// entities with the database's, their counts computed from all links.
	// Any number of shard loads of disjoint document sets may run at once.
	Shard bool
}

// batchSize returns the effective batch size.
func (c Config) batchSize() int {
	if c.BatchSize <= 0 {
		return DefaultBatchSize
	}
	return c.BatchSize
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	if c.URI == "" {
		return errors.New("no Neo4j URI given (--neo4j-uri or NEO4J_URI)")
	}
	if c.BatchSize < 0 {
		return fmt.Errorf("batch size %d: must be positive", c.BatchSize)
	}
	return nil
}

// connect opens a driver and checks within connectTimeout that the server
// answers and accepts the credentials. Errors name the URI (without any
// password it may contain) and never the password.
func connect(ctx context.Context, cfg Config) (neo4j.DriverWithContext, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = connectTimeout
		c.ConnectionAcquisitionTimeout = connectTimeout
	})
	if err != nil {
		return nil, cfg.errorf("%w", err)
	}
	vctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		_ = driver.Close(ctx) // the connectivity error is the one to report
		if vctx.Err() != nil && ctx.Err() == nil {
			return nil, cfg.errorf("no answer within %s", connectTimeout)
		}
		return nil, cfg.errorf("%w", err)
	}
	return driver, nil
}

// Verify checks, within connectTimeout, that the server answers and
// accepts the credentials, so that a command can fail before any work.
func Verify(ctx context.Context, cfg Config) error {
	driver, err := connect(ctx, cfg)
	if err != nil {
		return err
	}
	if err := driver.Close(ctx); err != nil {
		return cfg.errorf("close: %w", err)
	}
	return nil
}

// sessionConfig returns the session settings for the configured database.
func (c Config) sessionConfig(mode neo4j.AccessMode) neo4j.SessionConfig {
	return neo4j.SessionConfig{AccessMode: mode, DatabaseName: c.Database}
}

// errorf returns a one-line error that names the Neo4j URI. The password
// is removed from the message should the driver ever echo it.
func (c Config) errorf(format string, args ...any) error {
	return &Error{URI: RedactURI(c.URI), password: c.Password, Err: fmt.Errorf(format, args...)}
}

// Error is a failure talking to Neo4j. Its message names the server's URI
// (with any password in it removed) and is one line.
type Error struct {
	URI      string // the server, without credentials
	Err      error
	password string
}

// Error returns "neo4j at URI: cause" on one line.
func (e *Error) Error() string {
	msg := fmt.Sprintf("neo4j at %s: %s", e.URI, strings.Join(strings.Fields(e.Err.Error()), " "))
	if e.password != "" {
		msg = strings.ReplaceAll(msg, e.password, "***")
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// RedactURI returns uri with any user information (user name, password)
// removed, for messages.
func RedactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.User == nil {
		return uri
	}
	u.User = nil
	return u.String()
}
