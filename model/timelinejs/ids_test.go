package timelinejs

import (
	"strings"
	"testing"

	"chrono/model"
)

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"NSO offers Mobileum \"bags of cash\"", "nso-offers-mobileum-bags-of-cash"},
		{"  Café  Señor  ", "cafe-senor"},
		{"Miller's tip / FBI: no answer", "millers-tip-fbi-no-answer"},
		{"2017: the call", "2017-the-call"},
		{"--dashes--", "dashes"},
		{"Путин", ""},
		{"", ""},
		{strings.Repeat("long ", 100), strings.TrimSuffix(strings.Repeat("long-", 24), "-")},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := slugify(tt.in); got != "" && model.CheckID(got) != "" {
			t.Errorf("slugify(%q) = %q, not a valid id: %s", tt.in, got, model.CheckID(got))
		}
	}
}

func TestClaim(t *testing.T) {
	var s idSet
	var got []string
	for _, id := range []string{"foo", "foo", "foo-2", "foo", "bar"} {
		got = append(got, s.claim(id))
	}
	want := []string{"foo", "foo-2", "foo-2-2", "foo-3", "bar"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("claims %q, want %q", got, want)
	}
	long := strings.Repeat("x", model.MaxIDLen)
	if a, b := s.claim(long), s.claim(long); a != long || len(b) > model.MaxIDLen || model.CheckID(b) != "" {
		t.Errorf("long ids %q, %q", a, b)
	}
}

func TestHostID(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.washingtonpost.com/a/b", "washingtonpost.com"},
		{"http://Example.COM:8080/x", "example.com"},
		{"https://xn--bcher-kva.example/", "xn--bcher-kva.example"},
		{"https://bücher.example/", "b-cher.example"},
		{"not a url", "source"},
		{"mailto:someone@example.com", "source"},
	}
	for _, tt := range tests {
		if got := hostID(tt.url); got != tt.want || model.CheckID(got) != "" {
			t.Errorf("hostID(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestTagOf(t *testing.T) {
	tests := []struct {
		group, tag string
		changed    bool
	}{
		{"ss7", "ss7", false},
		{"Cash offer", "Cash offer", false},
		{"Cash offer, Mobileum", "cash-offer-mobileum", true},
		{"#context", "context", true},
		{"Überwachung; Ausland", "überwachung-ausland", true},
		{"#,;", "", true},
		{strings.Repeat("word ", 30) + ";", strings.TrimSuffix(strings.Repeat("word-", 13), "-"), true},
	}
	for _, tt := range tests {
		tag, changed := tagOf(tt.group)
		if tag != tt.tag || changed != tt.changed {
			t.Errorf("tagOf(%q) = %q, %v; want %q, %v", tt.group, tag, changed, tt.tag, tt.changed)
		}
		if tag != "" && model.CheckTag(tag) != "" {
			t.Errorf("tagOf(%q) = %q: %s", tt.group, tag, model.CheckTag(tag))
		}
	}
}
