package storetest

import (
	"slices"
	"testing"
	"time"

	"chrono/model"
)

// turnDoc has times near a month's turn whose month as written is not
// their month in UTC, beside dates that are the same month either way.
const turnDoc = `{"chrono": 1, "events": [
  {"id": "late-in-new-york", "date": "2017-08-31T22:00:00-04:00", "title": "A late call, New York time", "tags": ["t"]},
  {"id": "mid-august", "date": "2017-08-15", "title": "Mid August", "tags": ["t"]},
  {"id": "late-august", "date": "2017-08-31", "title": "Last of August", "tags": ["t"]},
  {"id": "early-in-karachi", "date": "2017-09-01T01:00:00+05:00", "title": "An early message, Karachi time", "tags": ["t"]},
  {"id": "mid-september", "date": "2017-09-10", "title": "Mid September", "tags": ["t"]},
  {"id": "till-late-august", "date": "2017-07-10/2017-08-31T23:00:00-02:00", "title": "July until a late hour of August", "tags": ["t"]},
  {"id": "new-year-eve", "date": "2017-12-31T23:30:00-01:00", "title": "Just before the new year, Azores time", "tags": ["t"]},
  {"id": "local-midnight", "date": "2017-09-01T00:00:00", "title": "Midnight where it happened", "tags": ["t"]},
  {"id": "untagged-late", "date": "2017-08-31T21:00:00-05:00", "title": "Untagged, late, Chicago time"},
  {"id": "undated", "title": "Not dated yet", "tags": ["t"]}
]}`

// testPeriodsAsShown: an event is counted in the month its row shows it
// in (the clock as written, or in the zone the rows are shown in), in
// the whole view and a filtered one alike, not the month of its instant
// in UTC: a ruler that says two where the rows show three is not
// trusted.
func testPeriodsAsShown(t *testing.T, s *suite) {
	st := s.empty(t)
	Import(t, st, NativeInput("turns.json", []byte(turnDoc)))
	month := func(y int64, m, months, n int) model.Period {
		return model.Period{Year: y, Month: m, Months: months, Count: n}
	}
	undated := model.Period{Undated: true, Count: 1}
	tagged := model.Query{Tags: []string{"t"}}
	ids := model.Query{ByID: true, IDs: []string{"late-in-new-york", "early-in-karachi", "mid-september", "untagged-late"}}
	plusTen := model.ZoneLocal(time.FixedZone("UTC+10", 10*60*60))
	for _, c := range []struct {
		name string
		q    model.Query
		zone model.Zone
		want []model.Period
	}{
		{"whole, as written", model.Query{}, model.ZoneWritten, []model.Period{
			month(2017, 7, 2, 1), month(2017, 8, 1, 4), month(2017, 9, 1, 3), month(2017, 12, 1, 1), undated}},
		{"tagged, as written", tagged, model.ZoneWritten, []model.Period{
			month(2017, 7, 2, 1), month(2017, 8, 1, 3), month(2017, 9, 1, 3), month(2017, 12, 1, 1), undated}},
		{"by id, as written", ids, model.ZoneWritten, []model.Period{
			month(2017, 8, 1, 2), month(2017, 9, 1, 2)}},
		{"whole, in UTC", model.Query{}, model.ZoneUTC, []model.Period{
			month(2017, 7, 3, 1), month(2017, 8, 1, 3), month(2017, 9, 1, 4), month(2018, 1, 1, 1), undated}},
		{"tagged, in UTC", tagged, model.ZoneUTC, []model.Period{
			month(2017, 7, 3, 1), month(2017, 8, 1, 3), month(2017, 9, 1, 3), month(2018, 1, 1, 1), undated}},
		{"whole, ten hours east", model.Query{}, plusTen, []model.Period{
			month(2017, 7, 3, 1), month(2017, 8, 1, 2), month(2017, 9, 1, 5), month(2018, 1, 1, 1), undated}},
		{"by id, ten hours east", ids, plusTen, []model.Period{
			month(2017, 9, 1, 4)}},
	} {
		q := c.q
		q.Zone = c.zone
		got, err := st.Periods(q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: Periods = %+v\nwant %+v", c.name, got, c.want)
		}
	}
}
