package timelinejs

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chrono/model"
)

// timelineJS3Env names the directory where `npm install
// @knight-lab/timelinejs jsdom` ran, for the tests that run TimelineJS3.
const timelineJS3Env = "CHRONO_TIMELINEJS3"

// TestTimelineJS3AcceptsExports runs TimelineJS3's own configuration
// checks (testdata/timelinejs3/check.mjs) on chrono's exports: of the
// example, and of every TimelineJS fixture read and written back. Each
// must be valid, with every slide placed on the time axis. It needs node
// and the npm package; .ci/run installs them, so CI never skips it.
func TestTimelineJS3AcceptsExports(t *testing.T) {
	node, dir := timelineJS3(t)

	tmp := t.TempDir()
	exports := map[string]int{} // file → slides
	add := func(name string, tl model.Timeline) {
		doc, _ := export(t, tl)
		path := filepath.Join(tmp, name+".json")
		if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
			t.Fatal(err)
		}
		exports[path] = len(slidesOf(t, doc))
	}
	add("example", example(t))
	fixtures, _ := filepath.Glob("testdata/*.json")
	for _, f := range fixtures {
		doc, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tl, _ := mustRead(t, string(doc))
		add(strings.TrimSuffix(filepath.Base(f), ".json"), tl)
	}
	// A file TimelineJS refuses, so that the check is seen to fail.
	bad := filepath.Join(tmp, "refused.json")
	if err := os.WriteFile(bad, []byte(`{"events": [{"start_date": {"year": "20x7"}, "text": {"headline": "x"}}]}`), 0o600); err != nil {
		t.Fatal(err)
	}

	files := []string{bad}
	for f := range exports {
		files = append(files, f)
	}
	results, stderr := checkTimelineJS3(t, node, dir, files)
	seen := 0
	for _, r := range results {
		seen++
		if r.File == bad {
			if r.Valid {
				t.Errorf("TimelineJS3's checks accepted a year of \"20x7\": the check checks nothing")
			}
			continue
		}
		name := filepath.Base(r.File)
		if !r.Valid {
			t.Errorf("TimelineJS3 refuses chrono's export %s: %q", name, r.Errors)
		}
		if r.Events != exports[r.File] {
			t.Errorf("TimelineJS3 placed %d of the %d slides of %s", r.Events, exports[r.File], name)
		}
	}
	if seen != len(exports)+1 {
		t.Errorf("check.mjs reported on %d files, want %d\n%s", seen, len(exports)+1, stderr)
	}
}

// timelineJS3 returns node and the directory where `npm install
// @knight-lab/timelinejs jsdom` ran, skipping the test when either is
// missing, except in CI.
func timelineJS3(t *testing.T) (node, dir string) {
	t.Helper()
	dir = os.Getenv(timelineJS3Env)
	node, err := exec.LookPath("node")
	switch {
	case (dir == "" || err != nil) && os.Getenv("CI") == "true":
		t.Fatalf("CI runs TimelineJS3's checks: install node and set %s to where `npm install @knight-lab/timelinejs jsdom` ran (.ci/run does)", timelineJS3Env)
	case err != nil:
		t.Skip("node is not installed: TimelineJS3's checks of the export were not run")
	case dir == "":
		t.Skipf("%s is not set: TimelineJS3's checks of the export were not run; run `npm install @knight-lab/timelinejs jsdom` in a directory and set %s to it", timelineJS3Env, timelineJS3Env)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@knight-lab", "timelinejs", "src", "js", "core", "TimelineConfig.js")); err != nil {
		t.Fatalf("%s=%s holds no TimelineJS3 sources: %v", timelineJS3Env, dir, err)
	}
	return node, dir
}

// timelineJS3Result is what check.mjs reports of a file: whether
// TimelineJS3 takes it, how many slides it has and places, and the date
// each slide shows, by its unique_id.
type timelineJS3Result struct {
	File           string
	Valid          bool
	Errors         []string
	Slides, Events int
	Shown          map[string]string
}

// checkTimelineJS3 runs TimelineJS3's own configuration code on files
// (testdata/timelinejs3/check.mjs), and returns its reports and what it
// logged.
func checkTimelineJS3(t *testing.T, node, dir string, files []string) ([]timelineJS3Result, string) {
	t.Helper()
	args := append([]string{filepath.Join("testdata", "timelinejs3", "check.mjs"), dir}, files...)
	var stderr bytes.Buffer
	cmd := exec.Command(node, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("TimelineJS3's checks did not run: %v\n%s", err, stderr.String())
	}
	var results []timelineJS3Result
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r timelineJS3Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("check.mjs printed %q: %v", sc.Text(), err)
		}
		results = append(results, r)
	}
	return results, stderr.String()
}
