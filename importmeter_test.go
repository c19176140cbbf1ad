package main

import (
	"io"
	"strings"
	"testing"

	"chrono/model"
)

// TestImportMeterStages: the meter says reading, then placing linked
// events once the store says it places them, then writing the store with
// its share written; the bytes read no longer move it after reading.
func TestImportMeterStages(t *testing.T) {
	var m importMeter
	report := m.start(io.Discard, false, 1000)
	defer m.stop()
	said := func(want string) {
		t.Helper()
		if got := m.meter.String(); !strings.HasPrefix(got, want) {
			t.Errorf("the meter says %q, want it to begin %q", got, want)
		}
	}
	m.read.Store(500)
	m.passRead() // as the meter's tick does
	said("reading 50%")
	report(model.ImportProgress{Events: 7})
	said("reading 50% · 7 events")
	report(model.ImportProgress{Events: 7, Placing: true})
	said("placing linked events · 7 events")
	report(model.ImportProgress{Events: 7, Written: 1, Total: 4})
	m.read.Store(1000)
	m.passRead()
	said("writing the store 25% · 7 events")
	report(model.ImportProgress{Events: 7, Placing: true})
	said("writing the store 25%")
}
