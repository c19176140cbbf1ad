package markdown

import "chrono/model"

// LostUncitedSource counts sources that no written event cites: the
// chronology lists only the sources it quotes. Everything else an event
// holds has a rendering.
var LostUncitedSource = model.Loss{One: "source cited by no exported event not listed", Many: "sources cited by no exported event not listed"}

// LostNote counts the investigator's notes a draft leaves out: they are
// private, and go into the chronology only when asked for (Options.Notes).
var LostNote = model.Loss{One: "private note left out", Many: "private notes left out"}
