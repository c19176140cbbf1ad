package pg

import (
	"cmp"
	"maps"
	"slices"

	"github.com/jackc/pgx/v5"
)

// importCounts are the kept counts (counts.go) of the rows an import
// into an investigation that held nothing inserts, counted as it makes
// them: the count triggers pass its inserts by (importSetsItself), and
// the counts are added once, at its end. Counting its events in the
// database then took longer than the triggers had (the investigation's
// rows read again: some 9 s of a 100,000-event import); here they cost
// next to nothing.
type importCounts struct {
	stretches, ticks map[int64]int64
	periods          map[[2]int64]int64
	facets           map[facet]int64
}

// facet is a row of facet_counts: its kind (t, a, s, c) and name.
type facet struct{ kind, name string }

func newImportCounts() *importCounts {
	return &importCounts{stretches: map[int64]int64{}, ticks: map[int64]int64{}, periods: map[[2]int64]int64{}, facets: map[facet]int64{}}
}

// add counts r, as the insert trigger's deltas count a row
// (countTriggerOf): each tag, actor and source cited as the row lists
// them.
func (c *importCounts) add(r *row) {
	c.stretches[stretchOf(r.ord)]++
	c.ticks[tickOf(r.ord)]++
	c.periods[[2]int64{r.period, r.months}]++
	for _, t := range r.tags {
		c.facets[facet{"t", t}]++
	}
	for _, a := range r.actors {
		c.facets[facet{"a", a}]++
	}
	c.facets[facet{"s", r.status}]++
	for _, s := range r.cites {
		c.facets[facet{"c", s}]++
	}
}

// apply adds the counts to the investigation's kept counts, the rows of
// each table in key order, as every writer takes them.
func (c *importCounts) apply(tx pgx.Tx, inv int64) error {
	byKey := func(m map[int64]int64) (keys, ns []int64) {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			keys, ns = append(keys, k), append(ns, m[k])
		}
		return keys, ns
	}
	stretches, sn := byKey(c.stretches)
	ticks, tn := byKey(c.ticks)
	var periods, months, pn []int64
	for _, k := range slices.SortedFunc(maps.Keys(c.periods), func(a, b [2]int64) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}) {
		periods, months, pn = append(periods, k[0]), append(months, k[1]), append(pn, c.periods[k])
	}
	var kinds, names []string
	var fn []int64
	for _, k := range slices.SortedFunc(maps.Keys(c.facets), func(a, b facet) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.name, b.name))
	}) {
		kinds, names, fn = append(kinds, k.kind), append(names, k.name), append(fn, c.facets[k])
	}
	b := &pgx.Batch{}
	b.Queue(`INSERT INTO order_counts AS c (inv, stretch, n) SELECT $1, k, n FROM unnest($2::bigint[], $3::bigint[]) AS x(k, n) ORDER BY 2
		ON CONFLICT (inv, stretch) DO UPDATE SET n = c.n + EXCLUDED.n`, inv, stretches, sn)
	b.Queue(`INSERT INTO order_ticks AS c (inv, tick, n) SELECT $1, k, n FROM unnest($2::bigint[], $3::bigint[]) AS x(k, n) ORDER BY 2
		ON CONFLICT (inv, tick) DO UPDATE SET n = c.n + EXCLUDED.n`, inv, ticks, tn)
	b.Queue(`INSERT INTO period_counts AS c (inv, period, months, n) SELECT $1, p, m, n FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS x(p, m, n) ORDER BY 2, 3
		ON CONFLICT (inv, period, months) DO UPDATE SET n = c.n + EXCLUDED.n`, inv, periods, months, pn)
	b.Queue(`INSERT INTO facet_counts AS c (inv, kind, name, n) SELECT $1, k, m, n FROM unnest($2::text[], $3::text[], $4::bigint[]) AS x(k, m, n) ORDER BY 2, 3
		ON CONFLICT (inv, kind, name) DO UPDATE SET n = c.n + EXCLUDED.n`, inv, kinds, names, fn)
	return tx.SendBatch(ctx, b).Close()
}
