package timesketch

import (
	"slices"
	"testing"

	"chrono/model"
)

// TestParsePlasoEventTag reads the event tag object Plaso's json_line
// writes as the tag: its labels are the tags.
func TestParsePlasoEventTag(t *testing.T) {
	tests := []struct {
		text    string
		want    []string
		leftOut int
		msg     string
	}{
		{text: `{"__type__": "EventTag", "labels": ["Malware", "Printed"]}`, want: []string{"Malware", "Printed"}},
		{text: `{"__container_type__": "event_tag", "__type__": "AttributeContainer", "labels": ["a"]}`, want: []string{"a"}},
		{text: `{"__type__": "EventTag", "_event_row_identifier": 4, "event_uuid": "x", "labels": ["a"]}`, want: []string{"a"}},
		{text: `{"__type__": "EventTag", "comment": "seen in the report", "labels": ["a"]}`, want: []string{"a"}, leftOut: 1},
		{text: `{"__type__": "EventTag", "comment": "", "labels": []}`},
		{text: `{"__type__": "EventTag"}`},
		{text: `{"labels": "a"}`, msg: `tag: the labels of a Plaso event tag: want a list of strings, found a string`},
		{text: `{"labels": [1]}`, msg: `tag: the labels of a Plaso event tag: want a list of strings`},
		{text: `{"x": 1}`, msg: "tag: want a list of strings, found an object"},
	}
	for _, tt := range tests {
		var l model.Losses
		got, msg := parseTags(value{text: tt.text, json: true}, &l)
		if !slices.Equal(got, tt.want) || msg != tt.msg || l.Count(TagMemberLeftOut) != tt.leftOut {
			t.Errorf("parseTags(%s) = %q, %q, losses %q; want %q, %q, %d left out", tt.text, got, msg, l.String(), tt.want, tt.msg, tt.leftOut)
		}
	}
}

// TestDynamicCSVLabels: psort's dynamic CSV joins an event tag's labels
// with spaces; a row with its columns reads them as tags of their own,
// while a Timesketch CSV's tag of two words, or one that is not labels,
// stays one tag.
func TestDynamicCSVLabels(t *testing.T) {
	const dynamic = "datetime,timestamp_desc,source,source_long,message,parser,display_name,tag\n"
	for _, tc := range []struct {
		doc  string
		tags []string
	}{
		{dynamic + "2017-08-14T15:04:05+00:00,Content Modification Time,FILE,File stat,m,filestat,OS:/x,suspicious malware\n", []string{"suspicious", "malware"}},
		{dynamic + "2017-08-14T15:04:05+00:00,Content Modification Time,FILE,File stat,m,filestat,OS:/x,-\n", nil},
		{dynamic + "2017-08-14T15:04:05+00:00,Content Modification Time,FILE,File stat,m,filestat,OS:/x,follow-up call\n", []string{"follow-up call"}},
		{"datetime,timestamp_desc,message,tag\n2017-08-14T15:04:05+00:00,d,m,follow up\n", []string{"follow up"}},
		// A list is tags as written, in a Timesketch export of a Plaso
		// timeline too, whose rows have psort's columns.
		{dynamic + "2017-08-14T15:04:05+00:00,Content Modification Time,FILE,File stat,m,filestat,OS:/x,['bad actor']\n", []string{"bad actor"}},
		{dynamic + "2017-08-14T15:04:05+00:00,Content Modification Time,FILE,File stat,m,filestat,OS:/x,\"[\"\"bad actor\"\"]\"\n", []string{"bad actor"}},
	} {
		tl, losses := mustRead(t, tc.doc)
		if got := tl.Events[0].Tags; !slices.Equal(got, tc.tags) {
			t.Errorf("%q: tags %q, want %q", tc.doc, got, tc.tags)
		}
		if split := len(tc.tags) > 1; (losses.Count(TagLabels) == 1) != split {
			t.Errorf("%q: counted %d tag cells read as labels", tc.doc, losses.Count(TagLabels))
		}
	}
}
