package model

import (
	"testing"
	"time"
)

// Each zone shows a time written with an offset at the same instant, and
// leaves a time without an offset as written, saying it is local there.
func TestLabelIn(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	zones := []Zone{ZoneWritten, ZoneUTC, ZoneLocal(paris)}
	cases := []struct {
		date string
		want [3]string // written, utc, local (Paris)
	}{
		{"2020-03-04T15:04:05+02:00", [3]string{"4 Mar 2020 15:04:05 +02:00", "4 Mar 2020 13:04:05 UTC", "4 Mar 2020 14:04:05 +01:00"}},
		{"2020-07-04T23:30:00Z", [3]string{"4 Jul 2020 23:30:00 UTC", "4 Jul 2020 23:30:00 UTC", "5 Jul 2020 01:30:00 +02:00"}},
		{"2020-03-04T01:00:00.25-05:30", [3]string{"4 Mar 2020 01:00:00.25 -05:30", "4 Mar 2020 06:30:00.25 UTC", "4 Mar 2020 07:30:00.25 +01:00"}},
		{"2020-03-04T15:04:05", [3]string{"4 Mar 2020 15:04:05 (local time there)", "4 Mar 2020 15:04:05 (local time there)", "4 Mar 2020 15:04:05 (local time there)"}},
		{"2021-03-05T23:00:00Z/2021-03-06", [3]string{"5 Mar 2021 23:00:00 UTC – 6 Mar 2021", "5 Mar 2021 23:00:00 UTC – 6 Mar 2021", "6 Mar 2021 00:00:00 +01:00 – 6 Mar 2021"}},
		{"../2021-03-05T10:00:00+01:00", [3]string{"until 5 Mar 2021 10:00:00 +01:00", "until 5 Mar 2021 09:00:00 UTC", "until 5 Mar 2021 10:00:00 +01:00"}},
		{"2017-08", [3]string{"Aug 2017", "Aug 2017", "Aug 2017"}},
		{"", [3]string{"undated", "undated", "undated"}},
	}
	for _, c := range cases {
		var d Date
		if c.date != "" {
			d = MustParseDate(c.date)
		}
		for i, z := range zones {
			if got := d.LabelIn(z); got != c.want[i] {
				t.Errorf("%q in %s: %q, want %q", c.date, z, got, c.want[i])
			}
		}
		// Label, which exports write, is the time as written.
		if d.HasTimeWithOffset() && d.Label() != c.want[0] {
			t.Errorf("%q: Label %q, want %q", c.date, d.Label(), c.want[0])
		}
	}
}

// ParseZone reads the names --tz takes, and Next cycles them.
func TestParseZoneAndNext(t *testing.T) {
	z := ZoneWritten
	for _, name := range []string{"utc", "local", "written"} {
		z = z.Next(time.UTC)
		if z.String() != name {
			t.Errorf("Next gave %s, want %s", z, name)
		}
		if p, err := ParseZone(name, time.UTC); err != nil || p.String() != name {
			t.Errorf("ParseZone(%q) = %s, %v", name, p, err)
		}
	}
	if _, err := ParseZone("paris", time.UTC); err == nil || err.Error() != `time zone "paris": use written, utc or local` {
		t.Errorf("ParseZone(paris): %v", err)
	}
}
