package model

import (
	"strings"
	"testing"
)

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in   string
		want Status
		err  string // a part of the error; "" for none
	}{
		{"alleged", Alleged, ""},
		{"Alleged", Alleged, ""},
		{" DENIED ", Denied, ""},
		{"aleged", "", `status "aleged": not one of confirmed, reported, alleged, disputed, denied (did you mean "alleged"?)`},
		{"rumour", "", `status "rumour": not one of`},
		{"", "", `status "": not one of`},
	}
	for _, tt := range tests {
		got, err := ParseStatus(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseStatus(%q) = %q, %v; want an error with %q", tt.in, got, err, tt.err)
		case tt.err != "" && strings.Contains(tt.err, "rumour") && strings.Contains(err.Error(), "did you mean"):
			t.Errorf("ParseStatus(%q): %v offers a status nothing like it", tt.in, err)
		}
	}
}

func TestHashtags(t *testing.T) {
	tests := []struct {
		tags []string
		want string
	}{
		{[]string{"verify", "key"}, "#verify #key"},
		{[]string{"suspicious login", "c"}, `#"suspicious login" #c`},
		{[]string{"tab\there"}, `#"tab` + "\t" + `here"`},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := Hashtags(tt.tags); got != tt.want {
			t.Errorf("Hashtags(%q) = %q, want %q", tt.tags, got, tt.want)
		}
	}
}
