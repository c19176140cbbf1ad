package formats

import (
	"strings"
	"testing"

	"chrono/model"
)

// TestSourceProblemsAtTheirPlace: what the import's check finds wrong
// with a source (an id that is no slug, one used twice) is said at the
// place in the file where the source is, as an event's problems are, so
// that whoever mends the file can go to it.
func TestSourceProblemsAtTheirPlace(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // the start of each problem, in order
	}{
		{"chrono JSON", "{\"chrono\": 1,\n \"sources\": [{\"id\": \"ok\"},\n  {\"id\": \"bad id\"},\n  {\"id\": \"ok\"}],\n \"events\": []}\n",
			[]string{`3:3: source "bad id" (#2): id "bad id"`, `4:3: source "ok" (#3): id "ok": already used`}},
		{"chrono CSV", "id,date,title,sources_json\na,2017,t,\nb,2018,u,\"[{\"\"id\"\":\"\"bad id\"\"}]\"\n",
			[]string{`3: source "bad id" (#1): id "bad id"`}},
		{"Timesketch JSONL", `{"message": "m", "datetime": "2017-01-01T00:00:00Z", "timestamp_desc": "d", "chrono_id": "a"}` + "\n" +
			`{"message": "m", "datetime": "2017-01-01T00:00:00Z", "timestamp_desc": "d", "chrono_id": "b", "sources": [{"id": "bad id"}]}` + "\n",
			[]string{`2: source "bad id" (#1): id "bad id"`}},
		{"Timesketch CSV", "message,datetime,timestamp_desc,chrono_id,sources\nm,2017-01-01T00:00:00Z,d,a,\nm,2017-01-01T00:00:00Z,d,b,\"[{\"\"id\"\":\"\"bad id\"\"}]\"\n",
			[]string{`3: source "bad id" (#1): id "bad id"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, r, err := Detect(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			chk := model.NewChecker(&model.Collect{}, nil)
			err = f.Read(r, chk, &model.Losses{})
			if err == nil {
				err = chk.Done()
			}
			if err == nil {
				t.Fatal("read without a problem")
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d: %q, want it to begin %q", i+1, got[i], w)
				}
			}
		})
	}
}
