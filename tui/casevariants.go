package tui

import "chrono/model"

// oneInEachCase is names with only the first of the names equal to it
// but for case: a filter by a tag selects its spellings in every case,
// and the header names the tag once.
func oneInEachCase(names []string) []string {
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for _, n := range names {
		if k := model.CaseKey(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
