package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/graph/neo4jsink"
	"github.com/kg-project/kg/graph/neo4jsink/neo4jtest"
)

// envNeo4jClassPath names the class path of the test server's launcher,
// which holds neo4j-admin too (scripts/neo4j start exports it).
const envNeo4jClassPath = "KG_TEST_NEO4J_CLASSPATH"

// TestNeo4jAdminImport runs the real neo4j-admin database import (from the
// Maven artifacts the test server comes from) on the files of kg export
// --format neo4j-import, starts a Neo4j on the imported database, and
// checks with kg load that it holds the workspace's graph: kg load creates
// and deletes nothing and updates only the entities whose empty list the
// import cannot write; afterwards Neo4j holds exactly the graph built from
// the CSV files.
func TestNeo4jAdminImport(t *testing.T) {
	cp := os.Getenv(envNeo4jClassPath)
	if cp == "" {
		t.Skipf("%s is not set: no neo4j-admin to run (scripts/neo4j start exports it)", envNeo4jClassPath)
	}
	dir := t.TempDir()
	var paths []string
	for name, text := range map[string]string{"a.txt": mirrorA, "b.txt": mirrorB, "c.txt": mirrorC} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	ws, files := filepath.Join(dir, "ws"), filepath.Join(dir, "import")
	call := kgCall{dir: dir}
	if res := runKG(t, call, append([]string{"ingest", "--published", "2022-03-01", "--out", ws}, paths...)...); res.code != exitOK {
		t.Fatalf("kg ingest: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	res := runKG(t, call, "export", "--format", "neo4j-import", ws, "--out", files)
	if res.code != exitOK {
		t.Fatalf("kg export: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	// The command kg printed, run with the tool's main class for neo4j-admin.
	_, command, ok := strings.Cut(res.stderr, "&& neo4j-admin ")
	if !ok {
		t.Fatalf("kg export printed no neo4j-admin command:\n%s", res.stderr)
	}
	args := strings.Fields(strings.ReplaceAll(command, "'|'", "|"))

	home := filepath.Join(dir, "neo4j")
	if err := os.MkdirAll(filepath.Join(home, "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	admin := exec.CommandContext(ctx, "java", append([]string{"-Xmx512m", "-cp", cp, "org.neo4j.cli.AdminTool"}, args...)...)
	admin.Dir = files
	admin.Env = append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	out, err := admin.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "IMPORT DONE") {
		t.Fatalf("neo4j-admin %s: %v\n%s", strings.Join(args, " "), err, out)
	}

	cfg := startNeo4jOn(t, cp, home)
	wantLines := readExpectedGraph(t, ws).lines()
	emptyLists := 0
	entities := csvRows(t, filepath.Join(ws, "entities.csv"))
	for _, e := range entities {
		if e["aliases"] == "" || e["roles"] == "" {
			emptyLists++
		}
	}
	if emptyLists == 0 || emptyLists == len(entities) {
		t.Fatalf("%d entities have an empty list: the test needs some with and some without", emptyLists)
	}
	res = runKG(t, kgCall{dir: dir, env: neo4jEnv(cfg)}, "load", ws)
	want := fmt.Sprintf("created 0 nodes and 0 relationships, updated %d nodes and 0 relationships, deleted 0 nodes and 0 relationships, %d unchanged\n",
		emptyLists, len(wantLines)-emptyLists)
	if res.code != exitOK || !strings.HasSuffix(res.stderr, want) {
		t.Errorf("kg load of the imported database: exit %d, stderr %q; want it to end %q", res.code, res.stderr, want)
	}
	if got := neo4jtest.Dump(t, cfg); !slices.Equal(got, wantLines) {
		t.Errorf("the imported database does not hold the workspace's graph:\n%s", lineDiff(got, wantLines))
	}
}

// startNeo4jOn starts the test launcher (scripts/neo4j-launcher, on class
// path cp) on the database in home at a free port, and stops it when the
// test ends.
func startNeo4jOn(t *testing.T, cp, home string) neo4jsink.Config {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	const password = "kg-import-test-password"
	uriFile := filepath.Join(home, "uri")
	log, err := os.Create(filepath.Join(home, "launcher.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	server := exec.Command("java", "-Xmx512m", "-cp", cp, "kg.neo4j.Launcher", home, uriFile, password, fmt.Sprint(port))
	server.Stdout, server.Stderr = log, log
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- server.Wait() }()
	t.Cleanup(func() {
		_ = server.Process.Signal(syscall.SIGTERM) // the launcher shuts Neo4j down cleanly
		select {
		case <-exited:
		case <-time.After(time.Minute):
			_ = server.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(5 * time.Minute)
	for {
		if data, err := os.ReadFile(uriFile); err == nil {
			return neo4jsink.Config{URI: strings.TrimSpace(string(data)), Username: "neo4j", Password: password}
		}
		select {
		case err := <-exited:
			logText, _ := os.ReadFile(log.Name())
			t.Fatalf("neo4j on the imported database exited: %v\n%s", err, logText)
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("neo4j on the imported database did not start within 5 minutes (log %s)", log.Name())
		}
	}
}
