package tui

import (
	"slices"
	"strings"
	"testing"
)

func TestQuickTagsChecked(t *testing.T) {
	got, err := QuickTags([]string{"#verify", "key"})
	if err != nil || !slices.Equal(got, []string{"verify", "key"}) {
		t.Errorf("QuickTags(#verify, key) = %v, %v", got, err)
	}
	for _, bad := range [][]string{{"two words"}, {"##x"}, {""}, {"a", "#a"}, {"verify", "Verify"}, {"été", "ÉTÉ"}, strings.Split("1 2 3 4 5 6 7 8 9 10", " ")} {
		if _, err := QuickTags(bad); err == nil {
			t.Errorf("QuickTags(%q) accepted", bad)
		}
	}
}

// A digit with no tag says so rather than doing nothing.
func TestQuickTagUnassignedDigit(t *testing.T) {
	s := exampleStore(t)
	d := newDriver(t, s, 120, 40)
	before := event(t, s, "nso-mobileum-call").Tags
	d.keys("4")
	if got := d.status(); !strings.Contains(got, "no tag on 4") || !strings.Contains(got, "--quick-tags") {
		t.Errorf("4 with no quick tag: status %q", got)
	}
	if got := event(t, s, "nso-mobileum-call").Tags; !slices.Equal(got, before) {
		t.Errorf("4 changed the tags: %v", got)
	}
}
