package eval

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Countries are the countries annotated for the gold files' places: gold
// file id → gold entity name → ISO 3166-1 alpha-3 ("" for a place no
// country counts for: a sea, a multi-state or disputed place).
type Countries map[string]map[string]string

// LoadCountries reads a country annotation file: tab-separated gold file
// id, gold entity name and ISO3 or "-", after "#" comment lines and a
// header line.
func LoadCountries(path string) (Countries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := Countries{}
	sc := bufio.NewScanner(f)
	line, header := 0, false
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		if !header {
			header = true
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 || fields[0] == "" || fields[1] == "" || len(fields[2]) != 3 && fields[2] != "-" {
			return nil, fmt.Errorf("%s:%d: want gold id, entity and ISO3 or -, tab-separated", path, line)
		}
		if c[fields[0]] == nil {
			c[fields[0]] = map[string]string{}
		}
		c[fields[0]][fields[1]] = strings.Trim(fields[2], "-")
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// GeoCounts score kg's places and event locations against a gold graph
// and its country annotations.
type GeoCounts struct {
	GoldPlaces, FoundGoldPlaces       int // required gold Locations; those a system entity matches
	SystemPlaces, MatchedSystemPlaces int // system Locations; those that match a gold entity
	// Annotated counts the matched system Locations whose gold entity has
	// a country; Resolved those of them with a gazetteer entry, and
	// RightCountry those resolved in the annotated country.
	Annotated, Resolved, RightCountry int
	Events, LocatedEvents             int // event relations; those with a location
	// Misses names the annotated places that did not resolve in their
	// annotated country ("Name (ISO3): unresolved" or "… resolved in XXX"),
	// for --verbose.
	Misses []string
}

// Add adds o to c.
func (c *GeoCounts) Add(o GeoCounts) {
	c.GoldPlaces += o.GoldPlaces
	c.FoundGoldPlaces += o.FoundGoldPlaces
	c.SystemPlaces += o.SystemPlaces
	c.MatchedSystemPlaces += o.MatchedSystemPlaces
	c.Annotated += o.Annotated
	c.Resolved += o.Resolved
	c.RightCountry += o.RightCountry
	c.Events += o.Events
	c.LocatedEvents += o.LocatedEvents
	c.Misses = append(c.Misses, o.Misses...)
}

// ScoreGeo scores the places of sys against gold, with the countries
// annotated for gold.ID in countries (which may lack it).
func ScoreGeo(sys graph.Graph, gold Gold, countries Countries) GeoCounts {
	ix := newGoldIndex(gold)
	var c GeoCounts
	found := make([]bool, len(gold.Entities))
	for _, e := range sys.Entities {
		r := ix.resolve(e.Type, e.Name, e.Aliases)
		if r.gold >= 0 {
			found[r.gold] = true
		}
		if e.Type != "Location" {
			continue
		}
		c.SystemPlaces++
		if r.gold < 0 {
			continue
		}
		c.MatchedSystemPlaces++
		iso, ok := countries[gold.ID][gold.Entities[r.gold].Name]
		if !ok || iso == "" {
			continue
		}
		c.Annotated++
		switch {
		case e.Geo == nil:
			c.Misses = append(c.Misses, fmt.Sprintf("%s (%s): unresolved", e.Name, iso))
		case e.Country != iso:
			c.Resolved++
			c.Misses = append(c.Misses, fmt.Sprintf("%s (%s): resolved in %s", e.Name, iso, e.Country))
		default:
			c.Resolved++
			c.RightCountry++
		}
	}
	for i, ge := range gold.Entities {
		if ge.Type == "Location" && !ge.Optional {
			c.GoldPlaces++
			if found[i] {
				c.FoundGoldPlaces++
			}
		}
	}
	for _, r := range sys.Relations {
		if !r.Static() && r.Relation != "RELATED_TO" {
			c.Events++
			if r.PlaceGeo != nil {
				c.LocatedEvents++
			}
		}
	}
	return c
}

// Line formats c as one line, tagged with tag (a gold folder) when not empty:
//
//	GEO [DIR] place_p=0.xxx place_r=0.xxx resolved=0.xxx country_acc=0.xxx located_events=0.xxx
//
// place_p is the share of system Locations that match a gold entity,
// place_r the share of required gold Locations some system entity
// matches; resolved the share of matched places with an annotated
// country that have a gazetteer entry, country_acc the share of them
// resolved in that country; located_events the share of event relations
// with a location.
func (c GeoCounts) Line(tag string) string {
	if tag != "" {
		tag = " " + tag
	}
	return fmt.Sprintf("GEO%s place_p=%.3f place_r=%.3f resolved=%.3f country_acc=%.3f located_events=%.3f (places %d/%d, annotated %d, events %d/%d)",
		tag, ratio(c.MatchedSystemPlaces, c.SystemPlaces), ratio(c.FoundGoldPlaces, c.GoldPlaces),
		ratio(c.Resolved, c.Annotated), ratio(c.RightCountry, c.Annotated), ratio(c.LocatedEvents, c.Events),
		c.FoundGoldPlaces, c.GoldPlaces, c.Annotated, c.LocatedEvents, c.Events)
}
