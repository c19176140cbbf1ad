package main

import (
	"io"
	"slices"

	"chrono/model"
)

// resolveSources gives the source ids of a filter the spellings s holds,
// matching them in any case, and says on warn which of them s neither
// lists nor has an event cite: the sources cited most come first among
// those offered instead, then the others listed.
func resolveSources(s model.Reader, given []string, warn io.Writer) ([]string, error) {
	if len(given) == 0 {
		return given, nil
	}
	cited, err := s.Facets(model.FacetSources)
	if err != nil {
		return nil, err
	}
	listed, err := s.Sources()
	if err != nil {
		return nil, err
	}
	var held []string
	for _, f := range cited {
		if f.Count > 0 {
			held = append(held, f.Name)
		}
	}
	for _, src := range listed {
		if !slices.Contains(held, src.ID) {
			held = append(held, src.ID)
		}
	}
	return resolveIn(held, "source", given, warn), nil
}
