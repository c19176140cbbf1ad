package bolt

import "chrono/model"

// carrying passes an input's events on to an import with the fields the
// import takes from each (model.UpdateFields): those its record carried
// (model.FieldSink) and its format has a place for (model.Input.Carries).
type carrying struct {
	next    model.FieldSink
	carries model.FieldSet // of the input being read; zero: every field
	whole   bool           // the input's records are events whole (model.Input.Whole)
	replace bool
}

// fields returns what an update takes from a record that carried present.
func (c *carrying) fields(present model.FieldSet) model.FieldSet {
	return model.UpdateFields(present, c.carries, c.replace, c.whole)
}

// Header implements model.Sink.
func (c *carrying) Header(h model.Header) error { return c.next.Header(h) }

// Source implements model.Sink.
func (c *carrying) Source(s model.Source, n int) error { return c.next.Source(s, n) }

// Event implements model.Sink: the record carried what its format does.
func (c *carrying) Event(e model.Event, n int) error {
	return c.next.EventFields(e, n, c.fields(model.AllFields))
}

// EventFields implements model.FieldSink.
func (c *carrying) EventFields(e model.Event, n int, present model.FieldSet) error {
	return c.next.EventFields(e, n, c.fields(present))
}

// SharesText implements model.TextSharer, as the next Sink does.
func (c *carrying) SharesText() bool { return model.SharesText(c.next) }

// SharesText implements model.TextSharer, as the Sink it counts for does.
func (p *progressSink) SharesText() bool { return model.SharesText(p.Sink) }

// EventFields implements model.FieldSink, counting as Event does.
func (p *progressSink) EventFields(e model.Event, n int, present model.FieldSet) error {
	p.n++
	if p.n%4096 == 0 {
		p.report(model.ImportProgress{Events: p.n})
	}
	return model.SendEvent(p.Sink, e, n, present)
}

// Event implements model.Sink: an event whose record carried every field.
func (im *txImport) Event(e model.Event, n int) error { return im.EventFields(e, n, model.AllFields) }

// Event implements model.Sink: an event whose record carried every field.
func (bi *bulkImport) Event(e model.Event, n int) error { return bi.EventFields(e, n, model.AllFields) }
