package csvfmt

import (
	"os"
	"testing"
)

func TestDetect(t *testing.T) {
	nso, err := os.ReadFile("testdata/nso.golden")
	if err != nil {
		t.Fatal(err)
	}
	native, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"an export", string(nso), true},
		{"cut mid-row", string(nso[:len(HeaderRow)+40]), true},
		{"columns in another order", "title,date,id\n", true},
		{"byte order mark and capitals", "\uFEFFID,Date,Title,notes\n", true},
		{"header only, no newline", "id,date,title", true},
		{"no date column, as Read needs none", "id,title\nx,T\n", true},
		{"no title column", "id,date\nx,2017\n", false},
		{"cut in the header", "id,da", false},
		{"chrono JSON", string(native), false},
		{"Timesketch CSV", "message,datetime,timestamp_desc\n", false},
		{"semicolons", "id;date;title\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.head)); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
}
