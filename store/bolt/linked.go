package bolt

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	"chrono/model"
	"chrono/model/stored"
)

// linkedIDs returns the events with a link rels names, their own or one
// made to them turned around, read from the links index.
func linkedIDs(b buckets, rels []model.Rel) (map[string]bool, error) {
	linked := map[string]bool{}
	c := b.links.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		target, rest, ok := bytes.Cut(k, []byte{keySep})
		from, rel, ok2 := bytes.Cut(rest, []byte{keySep})
		if !ok || !ok2 {
			return nil, stored.Unreadablef("links index entry %q has no rel", k)
		}
		if slices.Contains(rels, model.Rel(rel)) {
			linked[string(from)] = true
		}
		if slices.Contains(rels, model.Rel(rel).Inverse()) {
			linked[string(target)] = true
		}
	}
	return linked, nil
}

// linkedKeyed returns the events linked by rels, in timeline order
// (keyed.go).
func linkedKeyed(b buckets, rels []model.Rel) (*keyed, error) {
	name := "links " + strings.Join(slices.Sorted(slices.Values(stringsOf(rels))), ",")
	return keptKeyed(b, name, nil, func() ([]string, error) {
		ids, err := linkedIDs(b, rels)
		return slices.Sorted(maps.Keys(ids)), err
	})
}

func stringsOf(rels []model.Rel) []string {
	out := make([]string, len(rels))
	for i, r := range rels {
		out[i] = string(r)
	}
	return out
}
