package geo

import (
	"maps"
	"math"
	"slices"
)

// Context is what an article tells about where its places are.
type Context struct {
	// Countries weighs each state (ISO 3166-1 alpha-3) by how much the
	// article is about it, from 0 to 1 (1 for the state it names most).
	Countries map[string]float64
	// Near are the points of places already resolved with confidence: a
	// homonym close to them is the likelier reading.
	Near []Point
}

// Point is a position in WGS84 degrees.
type Point struct{ Lat, Lon float64 }

// Hint narrows a name's reading from what the text says around it.
type Hint struct {
	ISO3  string // the state the text or kg's place list puts it in; "" when unknown
	Class byte   // ClassAdmin after "province" or "region", ClassPopulated after "city", "town", "village"; 0 when unknown
	// Loose allows, for a name the gazetteer does not know, the places
	// whose names have its Skeleton: set when the text says what kind of
	// place it is ("Nehim district"), which makes a place of it.
	Loose bool
}

// Match is a resolved place.
type Match struct {
	Place
	// Confidence, from 0 to 1, is the share of the chosen reading in the
	// scores of the readings more than sameKm (100 km) away from it, so
	// that it says how likely the point is right to within that distance;
	// lowered when nothing in the article points to its country.
	Confidence float64
}

// Scoring weights; docs/geo.md explains them.
const (
	weightPopulation = 0.5 // per power of ten inhabitants
	weightCountry    = 3.0 // times the country's weight in the article
	weightClass      = 1.5 // reading of the class the text names (penalty when the other)
	weightNear       = 1.5 // within nearKm of a resolved place of the article
	weightTown       = 0.3 // a town over a division of the same name, when the text says neither
	weightDistrict   = 1.0 // a district under a town or province of the same name, likewise
	nearKm           = 300
	sameKm           = 100
	// unsupported scales the confidence of a reading in a country that
	// neither the hint nor the article's states support, and
	// unsupportedSmall scales it again for a town of fewer than smallTown
	// inhabitants: a village abroad is more often a namesake of one the
	// gazetteer lacks than the place meant.
	unsupported      = 0.6
	unsupportedSmall = 0.5
	smallTown        = 100000
	// atProvince scales the confidence of a district that stands at its
	// province's point (Place.AtProvince).
	atProvince = 0.5
	// loose scales the confidence of a reading found by its skeleton, in
	// a country of weight looseCountry or more in the article.
	loose        = 0.7
	looseCountry = 0.5
)

// Resolve chooses the place name means among its homonyms: the reading
// in the hinted country if there is one (none when the gazetteer has no
// such place there), else the best scored by population, the article's
// countries, the class the text names and nearness to the article's other
// places. ok is false when no place has the name.
//
// With h.Loose, a name the gazetteer does not know is looked up by its
// skeleton (LooseLookup) in the hinted country, else in the article's
// main states (weight ≥ looseCountry), among the places of the hinted
// class, with the confidence scaled by loose.
func (g *Gazetteer) Resolve(name string, h Hint, ctx Context) (m Match, ok bool) {
	cands := g.Lookup(name)
	if r, ok := g.Region(name); ok {
		cands = []Place{r}
	}
	factor := 1.0
	if len(cands) == 0 && h.Loose {
		factor = loose
		if h.ISO3 != "" {
			cands = g.LooseLookup(name, h.ISO3)
		} else {
			for _, iso := range slices.Sorted(maps.Keys(ctx.Countries)) {
				if ctx.Countries[iso] >= looseCountry {
					cands = append(cands, g.LooseLookup(name, iso)...)
				}
			}
		}
	}
	if factor == loose {
		cands = slices.DeleteFunc(cands, func(p Place) bool { return h.Class != 0 && p.Class != h.Class })
	}
	if h.ISO3 != "" {
		kept := cands[:0]
		for _, p := range cands {
			if p.ISO3 == h.ISO3 {
				kept = append(kept, p)
			}
		}
		cands = kept
	}
	if len(cands) == 0 {
		return Match{}, false
	}
	scores := make([]float64, len(cands))
	best := 0
	for i, p := range cands {
		s := weightPopulation * math.Log10(float64(p.Population)+1)
		s += weightCountry * ctx.Countries[p.ISO3]
		switch {
		case h.Class != 0 && p.Class == h.Class:
			s += weightClass
		case h.Class != 0:
			s -= weightClass
		case p.Class == ClassPopulated:
			s += weightTown
		case p.Level() == 2:
			s -= weightDistrict
		}
		for _, q := range ctx.Near {
			if DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) <= nearKm {
				s += weightNear
				break
			}
		}
		scores[i] = s
		if s > scores[best] {
			best = i
		}
	}
	// Readings near the chosen one (a town and its own province) are not
	// alternatives: the point is right to within sameKm either way.
	var sum float64
	for i, s := range scores {
		if i == best || DistanceKm(cands[i].Lat, cands[i].Lon, cands[best].Lat, cands[best].Lon) > sameKm {
			sum += math.Exp(s - scores[best])
		}
	}
	conf := 1 / sum
	if h.ISO3 == "" && ctx.Countries[cands[best].ISO3] == 0 {
		conf *= unsupported
		if cands[best].Population < smallTown {
			conf *= unsupportedSmall
		}
	}
	if cands[best].AtProvince() {
		conf *= atProvince
	}
	conf *= factor
	return Match{Place: cands[best], Confidence: math.Round(conf*100) / 100}, true
}
