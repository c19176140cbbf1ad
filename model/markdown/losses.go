package markdown

import "chrono/model"

// LostUncitedSource counts sources that no written event cites: the
// chronology lists only the sources it quotes. Everything else an event
// holds has a rendering.
var LostUncitedSource = model.Loss{One: "source cited by no exported event not listed", Many: "sources cited by no exported event not listed"}
