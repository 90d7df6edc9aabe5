package main

// Browser tests of kg view: the page kg writes is opened in a real headless
// Chromium (Debian's package, which scripts/test installs) driven by
// chromedp, with the network switched off. scripts/test fails when these
// tests skip (as it does for TestNeo4j*): they skip only where Chromium is
// absent, for a quick `go test` on a developer's machine.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/kg-project/kg/fixtures"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/csvws"
)

// browserLog collects what the page must not do: write errors to the
// console, throw, or ask the network for anything.
type browserLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (b *browserLog) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, a.Description+string(a.Value))
			}
			b.errors = append(b.errors, "console."+string(ev.Type)+": "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		b.errors = append(b.errors, fmt.Sprintf("exception at %d:%d: %s", d.LineNumber, d.ColumnNumber, msg))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			b.errors = append(b.errors, "log: "+ev.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") && u != "about:blank" {
			b.requests = append(b.requests, u)
		}
	}
}

// check fails the test on any console error, exception or network request.
func (b *browserLog) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("page: %s", e)
	}
	for _, u := range b.requests {
		t.Errorf("page asked the network for %s", u)
	}
}

// openPage starts headless Chromium with the network emulated offline,
// opens the HTML file at path and waits until the page has drawn itself.
// It returns the tab's context and the page's log.
func openPage(t *testing.T, path string, timeout time.Duration) (context.Context, *browserLog, time.Duration) {
	t.Helper()
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium in PATH (scripts/test installs Debian's chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.WindowSize(1400, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(cancelTab)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)

	blog := &browserLog{}
	if err := chromedp.Do(ctx); err != nil { // start the browser and the tab
		t.Fatalf("start %s: %v", bin, err)
	}
	if err := chromedp.Listen(ctx, blog.listen); err != nil {
		t.Fatal(err)
	}
	offline := network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, offline); err != nil {
		t.Fatalf("switch the network off: %v", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+abs)); err != nil {
		t.Fatalf("open %s: %v", abs, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.state === "ready"`, chromedp.WithPollingTimeout(timeout))); err != nil {
		blog.check(t)
		t.Fatalf("the page never became ready: %v", err)
	}
	return ctx, blog, time.Since(start)
}

// jsEval runs a JavaScript expression in the page and decodes its value.
func jsEval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// shownCount reads a count the page shows ("1,234") in the element with id.
func shownCount(t *testing.T, ctx context.Context, id string) int {
	t.Helper()
	text := jsEval[string](t, ctx, fmt.Sprintf(`document.getElementById(%q).textContent`, id))
	n, err := strconv.Atoi(strings.ReplaceAll(text, ",", ""))
	if err != nil {
		t.Fatalf("#%s shows %q, not a count", id, text)
	}
	return n
}

// setFilter sets a filter control as a user does and lets the page redraw.
func setFilter(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	jsEval[bool](t, ctx, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q;
		e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, id, value))
}

func TestBrowserViewSeed(t *testing.T) {
	// As the README's first command does, from the repository's root, so
	// that the page (and docs/view-seed.png) names the article as it does.
	root, err := fixtures.Root()
	if err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(t.TempDir(), "kg-out")
	if res := runKG(t, kgCall{dir: root}, "ingest", "fixtures/seed-convoys.txt", "--published", "2022-03-12", "--out", ws); res.code != 0 {
		t.Fatalf("ingest: exit %d: %s", res.code, res.stderr)
	}
	res := runKG(t, kgCall{}, "view", ws)
	if res.code != 0 {
		t.Fatalf("view: exit %d: %s", res.code, res.stderr)
	}
	page := filepath.Join(ws, "view.html")
	if !strings.Contains(res.stderr, page) {
		t.Errorf("view: stderr %q does not name %s", res.stderr, page)
	}
	docs := csvRows(t, filepath.Join(ws, "documents.csv"))
	ents := csvRows(t, filepath.Join(ws, "entities.csv"))
	rels := csvRows(t, filepath.Join(ws, "relations.csv"))
	endpoints := map[string]bool{}
	root19 := 0
	for _, r := range rels {
		endpoints[r["subject_id"]], endpoints[r["object_id"]] = true, true
		if strings.HasPrefix(r["cameo"], "19") {
			root19++
		}
	}
	if root19 == 0 {
		t.Fatal("the seed workspace has no CAMEO root 19 relation to filter on")
	}

	ctx, blog, took := openPage(t, page, 60*time.Second)
	t.Logf("seed page (%d bytes) ready in %s", fileSize(t, page), took)

	// The workspace's counts, and one edge per relation in the graph.
	for id, want := range map[string]int{
		"ws-documents": len(docs), "ws-entities": len(ents), "ws-relations": len(rels),
		"view-relations": len(rels), "view-edges": len(rels), "view-nodes": len(endpoints),
	} {
		if got := shownCount(t, ctx, id); got != want {
			t.Errorf("#%s shows %d, want %d", id, got, want)
		}
	}
	if got := jsEval[int](t, ctx, `kgView.cy.edges().length`); got != len(rels) {
		t.Errorf("graph draws %d edges, want %d (one per relation)", got, len(rels))
	}
	if got := jsEval[int](t, ctx, `kgView.cy.nodes().length`); got != len(endpoints) {
		t.Errorf("graph draws %d nodes, want the %d actors with relations", got, len(endpoints))
	}
	if got := jsEval[int](t, ctx, `document.querySelectorAll("#relations tbody tr").length`); got != len(rels) {
		t.Errorf("table has %d rows, want %d", got, len(rels))
	}
	// Every located event is on the map: the points carry the events of
	// the relations with coordinates.
	located := 0
	for _, r := range rels {
		if r["cameo"] != "" && r["lat"] != "" {
			located++
		}
	}
	if located == 0 {
		t.Fatal("the seed workspace has no located event to show on the map")
	}
	if got := jsEval[int](t, ctx, `Array.from(document.querySelectorAll("#map-svg circle.event-point")).reduce((n, c) => n + Number(c.dataset.events), 0)`); got != located {
		t.Errorf("the map's points carry %d events, want the %d located ones", got, located)
	}
	// With actors without relations too: every entity.
	jsEval[bool](t, ctx, `(() => { const c = document.getElementById("f-isolated"); c.click(); return c.checked; })()`)
	if got := jsEval[int](t, ctx, `kgView.cy.nodes().length`); got != len(ents) {
		t.Errorf("with actors without relations, graph draws %d nodes, want %d", got, len(ents))
	}
	jsEval[bool](t, ctx, `(() => { document.getElementById("f-isolated").click(); return true; })()`)

	// CAMEO root 19: exactly the workspace's root-19 relations remain.
	setFilter(t, ctx, "f-root", "19")
	if got := jsEval[int](t, ctx, `kgView.cy.edges().length`); got != root19 {
		t.Errorf("CAMEO root 19: %d edges, want %d", got, root19)
	}
	if got := shownCount(t, ctx, "view-relations"); got != root19 {
		t.Errorf("CAMEO root 19: #view-relations shows %d, want %d", got, root19)
	}
	cameos := jsEval[[]string](t, ctx, `kgView.inView().map(id => document.querySelector('#relations tr[data-id="'+id+'"] td:nth-child(5)').textContent)`)
	for _, c := range cameos {
		if !strings.HasPrefix(c, "19") {
			t.Errorf("CAMEO root 19: the table shows CAMEO %q", c)
		}
	}
	if got := jsEval[int](t, ctx, `document.querySelectorAll("#relations tbody tr").length`); got != root19 {
		t.Errorf("CAMEO root 19: table has %d rows, want %d", got, root19)
	}
	setFilter(t, ctx, "f-root", "")

	// A real click on the invasion's edge shows its sentence. The layout may
	// put a node or another edge over the edge's midpoint, so the click goes
	// to the point nearest the midpoint where the page's own hit test finds
	// this edge on top.
	invasion := oneRow(t, "relations.csv", rels, "relation", "INVADES")
	pos := jsEval[[]float64](t, ctx, fmt.Sprintf(`(() => { const cy = kgView.cy, e = cy.getElementById(%q), rd = cy.renderer();
		const m = e.renderedMidpoint(), b = e.renderedBoundingBox(), r = document.getElementById("cy").getBoundingClientRect();
		const pts = [];
		for (let x = b.x1; x <= b.x2; x += 2) for (let y = b.y1; y <= b.y2; y += 2) pts.push([x, y]);
		pts.sort((p, q) => Math.hypot(p[0]-m.x, p[1]-m.y) - Math.hypot(q[0]-m.x, q[1]-m.y));
		for (const [x, y] of pts) {
			const cx = r.left + x, cyy = r.top + y, at = rd.projectIntoViewport(cx, cyy);
			const hit = rd.findNearestElement(at[0], at[1], true, false);
			if (hit && hit.id() === e.id()) return [cx, cyy];
		}
		return []; })()`, invasion["id"]))
	if len(pos) != 2 {
		t.Fatalf("no point of the page shows the invasion's edge %s on top", invasion["id"])
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(pos[0], pos[1])); err != nil {
		t.Fatal(err)
	}
	details := jsEval[string](t, ctx, `document.getElementById("details").textContent`)
	if !strings.Contains(details, invasion["sentence"]) {
		t.Errorf("after a click on the invasion's edge, the details show %q, not its sentence %q", details, invasion["sentence"])
	}
	if !strings.Contains(details, invasion["cameo"]) {
		t.Errorf("the details %q do not show CAMEO %s", details, invasion["cameo"])
	}

	// KG_VIEW_SCREENSHOT=$PWD/docs/view-seed.png go test -run TestBrowserViewSeed ./cmd/kg
	// renews the README's screenshot: the page with the invasion clicked.
	if out := os.Getenv("KG_VIEW_SCREENSHOT"); out != "" {
		setFilter(t, ctx, "f-root", "")
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	blog.check(t)
}

// fileSize returns the size of the file at path.
func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// syntheticWorkspace writes a workspace of n relations among actors
// countries, people and organizations over a year, with sentences of
// news length, for the large-page test.
func syntheticWorkspace(t *testing.T, n int) string {
	t.Helper()
	g := graph.Graph{}
	for d := 0; d < 50; d++ {
		g.Documents = append(g.Documents, graph.Document{ID: fmt.Sprintf("d%015d", d), Path: fmt.Sprintf("news/%03d.txt", d), Published: "2023-01-01"})
	}
	types := []string{"Country", "Person", "Organization", "Group", "Location", "Weapon"}
	countries := []string{"UKR", "RUS", "USA", "SYR", "ISR", "IRN", "SDN", "YEM", "MLI", "AFG"}
	const actors = 800
	for i := 0; i < actors; i++ {
		g.Entities = append(g.Entities, graph.Entity{
			ID: fmt.Sprintf("e%016d", i), Type: types[i%len(types)], Name: fmt.Sprintf("Actor %d", i),
			Country: countries[i%len(countries)], Mentions: 1 + (actors-i)%37, Documents: 1,
		})
	}
	codes := []struct {
		rel, cameo string
		quad       int
	}{{"CRITICIZES", "111", 3}, {"FIGHTS", "190", 4}, {"SUPPLIES", "070", 2}, {"MEETS", "040", 1}, {"PART_OF", "", 0}, {"ATTACKS", "193", 4}}
	for i := 0; i < n; i++ {
		s, o := (i*7)%actors, (i*13+1)%actors
		if s == o {
			o = (o + 1) % actors
		}
		c := codes[i%len(codes)]
		day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365).Format("2006-01-02")
		g.Relations = append(g.Relations, graph.Relation{
			ID: fmt.Sprintf("r%016d", i), SubjectID: g.Entities[s].ID, Subject: g.Entities[s].Name,
			Relation: c.rel, Predicate: strings.ToLower(c.rel), ObjectID: g.Entities[o].ID, Object: g.Entities[o].Name,
			CAMEO: c.cameo, QuadClass: c.quad, Date: day, DocumentID: g.Documents[i%50].ID, SentenceIndex: i % 40,
			Sentence:   fmt.Sprintf("Officials said on Tuesday that Actor %d had acted against Actor %d near the border, in statement number %d of the week.", s, o, i),
			Confidence: 0.5 + float64(i%5)/10, Modality: "asserted", DateSource: "text",
		})
	}
	dir := t.TempDir()
	if err := csvws.Write(context.Background(), dir, g); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserViewTenThousandRelations opens the page of a synthetic
// 10,000-relation workspace: it must become ready, count every relation,
// draw no more actors than the cap and still filter. The time it takes is
// logged (docs/view.md), not asserted.
func TestBrowserViewTenThousandRelations(t *testing.T) {
	const n = 10000
	ws := syntheticWorkspace(t, n)
	page := filepath.Join(t.TempDir(), "big.html")
	if res := runKG(t, kgCall{}, "view", ws, "--out", page); res.code != 0 {
		t.Fatalf("view: exit %d: %s", res.code, res.stderr)
	}
	ctx, blog, took := openPage(t, page, 3*time.Minute)
	t.Logf("10,000-relation page (%d bytes) ready in %s; in the page (ms): %v", fileSize(t, page), took, jsEval[map[string]int](t, ctx, `kgView.timings`))
	if got := shownCount(t, ctx, "view-relations"); got != n {
		t.Errorf("#view-relations shows %d, want %d", got, n)
	}
	if got := shownCount(t, ctx, "ws-relations"); got != n {
		t.Errorf("#ws-relations shows %d, want %d", got, n)
	}
	nodes := jsEval[int](t, ctx, `kgView.cy.nodes().length`)
	if nodes > 400 {
		t.Errorf("graph draws %d nodes, over the cap of 400", nodes)
	}
	if got := jsEval[int](t, ctx, `document.querySelectorAll("#relations tbody tr").length`); got != 100 {
		t.Errorf("table shows %d rows, want one page of 100", got)
	}
	start := time.Now()
	setFilter(t, ctx, "f-root", "19")
	if got, want := shownCount(t, ctx, "view-relations"), n/6*2; got < want || got > want+2 {
		t.Errorf("CAMEO root 19: #view-relations shows %d, want about %d", got, want)
	}
	t.Logf("CAMEO root 19 filter applied in %s; in the page (ms): %v", time.Since(start), jsEval[map[string]int](t, ctx, `kgView.timings`))
	blog.check(t)
}

func TestViewCommandErrors(t *testing.T) {
	bad := exportWorkspace(t)
	if err := os.WriteFile(filepath.Join(bad, "relations.csv"), []byte("id,subject_id\n\"unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "nowhere")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"view"}, 2, "view: want one workspace DIR, got 0 arguments"},
		{[]string{"view", "a", "b"}, 2, "got 2 arguments"},
		{[]string{"view", "--bogus", bad}, 2, "flag provided but not defined: --bogus"},
		{[]string{"view", missing}, 1, missing},
		{[]string{"view", bad}, 1, "relations.csv"},
		{[]string{"view", exportWorkspace(t), "--out", filepath.Join(missing, "v.html")}, 1, missing},
	} {
		res := runKG(t, kgCall{}, c.args...)
		if res.code != c.code || !strings.Contains(res.stderr, c.want) || strings.Count(res.stderr, "\n") != 1 {
			t.Errorf("kg %q: exit %d, stderr %q; want exit %d and one line with %q", c.args, res.code, res.stderr, c.code, c.want)
		}
	}
}
