package tui

import (
	"time"

	"charm.land/bubbles/v2/help"

	"chrono/model"
)

// shared is what every screen and dialog of one browser reads: the
// store, the styles, the global keys, the clock, the terminal's size and
// what is known of the investigation as a whole. The root owns it and
// changes it only in Update; screens and dialogs hold a pointer to it.
type shared struct {
	store model.Store
	// location is where the store is (Store.Location), read once: the
	// help and the window title name it.
	location string
	// readOnly says why the store cannot be changed; "" when it can.
	readOnly string
	// chainBreak is the entry at which the journal's chain was found
	// broken as the browser opened; 0 while it is known to hold or not
	// yet walked.
	chainBreak uint64
	// role is what this session may change; remote is set for a browser
	// served over SSH, which runs no program on the server.
	role   Role
	remote bool
	// selected is told the event selected (Options.Selected); presence
	// is who else is in.
	selected func(id string)
	presence presence
	styles   Styles
	// stylesGen counts the times styles were made again (a light or dark
	// terminal told), for what keeps lines drawn with them.
	stylesGen int
	keys      globalKeys
	now       func() time.Time
	tick      ticker
	exec      execer    // runs the editor with the terminal
	clip      clipboard // the system's clipboard program, for y
	help      help.Model

	width, height int
	// zone is where times written with an offset are shown; local is
	// the reader's zone, for the zone key's local.
	zone  model.Zone
	local *time.Location

	header                 model.Header
	tags, actors, statuses []model.Facet
	// sources are the sources cited, with how many events cite each;
	// citations, each listed source's citation by its id, made safe to
	// show: the picker names a source by both.
	sources   []model.Facet
	citations map[string]string
	// undos and redos count the changes of this session that undo can
	// take back and redo make again.
	undos, redos int
	// still is set by whoever handles a message that changed nothing on
	// screen, for the model to give the last screen again (Model.View).
	still bool
	// known is the store's version as last asked, while nothing this
	// browser wrote can have changed it since; "" when not known. An
	// event kept read whole at this version is shown without asking
	// again (browser.land): the watcher asks after changes made
	// elsewhere, and takes none as known once it takes a change in.
	known string
}

// quietHelp is the help for keys that are a reminder rather than a menu
// (at a prompt, over the help): one muted run, "enter accept · esc
// cancel", cut by the screen's edge like any line.
func (c *shared) quietHelp() help.Model {
	h := c.help
	h.ShortSeparator = " · "
	h.Styles.ShortKey = h.Styles.ShortDesc
	h.Styles.ShortSeparator = h.Styles.ShortDesc
	h.SetWidth(0)
	return h
}
