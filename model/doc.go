// Package model is chrono's domain: what an investigation is made of and
// the rules it follows, with no storage and no user interface.
//
// An investigation (Timeline) is a Header, the Sources quotes and dates
// are taken from, and Events: something that happened, or is said to
// have, with its Date, Quotes, Links to other events and the
// investigator's tags and Notes. Dates are EDTF (levels 0 and 1), so that
// an event is exactly as precise, uncertain or approximate as its sources
// allow; Instant places a Date's bounds on the timeline.
//
// Validation says what is wrong and where: Event.Check, Source.Check and
// Header.Check look at one value, and a Checker looks at a whole file or
// import (unique ids, references that resolve), reporting every Problem
// in one pass. The rules of editing and merging are the domain's too, so
// that every store applies the same ones: a change of tags is a TagDelta,
// which a Change can undo, and an edit may not bring a problem the event
// did not have.
//
// Readers send what they decode to a Sink a value at a time, so that no
// file is held whole, and count what a conversion cannot carry as Losses.
// Each format lives beside this package, as model/<format>, and
// model/formats lists them. This package imports nothing of chrono's
// storage or browser; they import it.
package model
