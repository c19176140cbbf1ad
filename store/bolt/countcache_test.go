package bolt

import (
	"slices"
	"testing"
	"time"

	"chrono/model"
	"chrono/store/storetest"
)

// tagCount returns how many events carry tag, as s counts them.
func tagCount(t *testing.T, s model.Store, tag string) int {
	t.Helper()
	fs, err := s.Facets(model.FacetTags)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Name == tag {
			return f.Count
		}
	}
	return 0
}

// TestKeptCountsFollowEveryWrite: the facets and months a store keeps
// between reads are those of the store as it is now: after its own
// write, after another process's, and whatever a caller did to what it
// was given.
func TestKeptCountsFollowEveryWrite(t *testing.T) {
	path := storeFile(t)
	sh := NewShared(path, Options{Timeout: time.Second})
	if n := tagCount(t, sh, "mine"); n != 0 {
		t.Fatalf("%d events tagged mine before any tag", n)
	}
	fs, err := sh.Facets(model.FacetTags)
	if err != nil || len(fs) == 0 {
		t.Fatalf("the tags: %v, %v", fs, err)
	}
	fs[0].Count = -1 // the caller's copy
	if again, _ := sh.Facets(model.FacetTags); again[0].Count < 0 {
		t.Error("a caller's change to the tags it was given is in the next answer")
	}
	months, err := sh.Periods(model.Query{})
	if err != nil || len(months) == 0 {
		t.Fatalf("the months: %v, %v", months, err)
	}
	months[0].Count = -1
	if again, _ := sh.Periods(model.Query{}); again[0].Count < 0 {
		t.Error("a caller's change to the months it was given is in the next answer")
	}

	if _, err := storetest.Retag(sh, []string{"fbi-tip"}, []string{"mine"}, nil); err != nil {
		t.Fatal(err)
	}
	if n := tagCount(t, sh, "mine"); n != 1 {
		t.Errorf("after its own tag the store counts %d events tagged mine; want 1", n)
	}

	other := openAt(t, path, Options{Timeout: 5 * time.Second}) // waits for sh to let go
	if _, err := storetest.Retag(other, []string{"fbi-tip", "khashoggi-killed"}, []string{"theirs"}, nil); err != nil {
		t.Fatal(err)
	}
	if n := tagCount(t, other, "theirs"); n != 2 {
		t.Errorf("the other process counts %d events tagged theirs; want 2", n)
	}
	other.Close()
	if n := tagCount(t, sh, "theirs"); n != 2 {
		t.Errorf("after another process's tags the store counts %d events tagged theirs; want 2", n)
	}
	all, err := sh.Count(model.Query{})
	if err != nil {
		t.Fatal(err)
	}
	months, err = sh.Periods(model.Query{})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, p := range months {
		sum += p.Count
	}
	if sum != all {
		t.Errorf("the months count %d events; the store holds %d", sum, all)
	}
	if !slices.ContainsFunc(months, func(p model.Period) bool { return p.Count > 0 }) {
		t.Errorf("the months %v count nothing", months)
	}
}
