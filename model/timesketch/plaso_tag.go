package timesketch

import (
	"slices"
	"strings"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// TagMemberLeftOut counts members of a Plaso event tag other than its
// labels that said something (the comment older Plaso versions kept):
// chrono's tags are labels only.
var TagMemberLeftOut = model.Loss{One: "Plaso event tag comment or other member left out", Many: "Plaso event tag comments or other members left out"}

// eventTagLabels reads the tag object Plaso's json_line writes,
// {"__type__": "EventTag", "labels": [...]}, and returns its labels; ok
// is false when the object is not one. Its type markers, and the
// references to the tagged event (this record) that older versions
// wrote, say nothing; any other member that holds something is counted
// as left out.
func eventTagLabels(checked []byte, losses lossCounter) (labels []string, msg string, ok bool) {
	var members map[string]jsontext.Value
	if json.Unmarshal(checked, &members) != nil {
		return nil, "", false
	}
	raw, hasLabels := members["labels"]
	typ, container := members["__type__"], members["__container_type__"]
	if !hasLabels && string(typ) != `"EventTag"` && string(container) != `"event_tag"` {
		return nil, "", false
	}
	const where = "tag: the labels of a Plaso event tag: want a list of strings"
	if hasLabels && raw.Kind() != 'n' {
		if raw.Kind() != '[' {
			return nil, where + ", found " + kindName(string(raw)), true
		}
		if json.Unmarshal(raw, &labels) != nil {
			return nil, where, true
		}
	}
	for name, v := range members {
		switch {
		case name == "labels", name == "__type__", name == "__container_type__",
			strings.HasPrefix(name, "_event"), strings.HasPrefix(name, "event_"):
			continue
		}
		switch string(v) {
		case "null", `""`, "[]", "{}":
			continue
		}
		losses.Add(TagMemberLeftOut, 1)
	}
	return labels, "", true
}

// PlasoLabels reads text as Plaso's text outputs write an event tag (the
// tag column of dynamic CSV, the notes of l2tcsv): its labels (letters,
// digits, _) separated by spaces. ok is false for text of any other kind.
func PlasoLabels(notes string) (labels []string, ok bool) {
	if notes == "" {
		return nil, false
	}
	for l := range strings.FieldsSeq(notes) {
		for _, r := range l {
			if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return nil, false
			}
		}
		if len(l) > model.MaxTagLen || model.CheckTag(l) != "" {
			return nil, false
		}
		if !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	return labels, true
}

// dynamicLabels reads the tag of a row of psort's dynamic CSV, which
// joins an event tag's labels with spaces ("suspicious malware"), where a
// Timesketch CSV separates tags with commas: ok when the row has the
// columns only psort writes there (source_long and parser), the cell is
// one tag as Timesketch reads it, and that tag is Plaso labels. A cell
// that is a list is not psort's: Timesketch's export of a Plaso timeline
// has those columns too, and writes its tags as a list (["bad actor"]).
func dynamicLabels(rec *record, v value, tags []string, chrono bool) (labels []string, ok bool) {
	if chrono || v.json || len(tags) != 1 || !strings.Contains(tags[0], " ") || strings.HasPrefix(v.text, "[") {
		return nil, false
	}
	if _, ok := rec.get("source_long"); !ok {
		return nil, false
	}
	if _, ok := rec.get("parser"); !ok {
		return nil, false
	}
	return PlasoLabels(tags[0])
}
