package tui

import (
	"strings"
	"syscall"
	"testing"

	"chrono/model"
)

// sourceByID is the source id in s, found or not.
func sourceByID(t *testing.T, s model.Store, id string) (model.Source, bool) {
	t.Helper()
	srcs, err := s.Sources()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range srcs {
		if src.ID == id {
			return src, true
		}
	}
	return model.Source{}, false
}

// selectSource moves the sources screen's cursor to id.
func selectSource(t *testing.T, d *driver, id string) {
	t.Helper()
	sc, ok := d.m.top().(*sourcesScreen)
	if !ok {
		t.Fatalf("top screen %T; want the sources screen", d.m.top())
	}
	for range 50 {
		if src, _ := sc.selected(); src.ID == id {
			return
		}
		d.keys("j")
	}
	t.Fatalf("no source %s on the sources screen", id)
}

// TestDraftOfSourceOrTitleComesBack: what a signal closes unsaved in the
// sources screen's form of a source, or in the dialog of the
// investigation's title and description, is kept as the other forms'
// typing is; the next browser opens the same form with it (the source's
// over the sources screen), where ctrl+s saves it, and the draft goes.
func TestDraftOfSourceOrTitleComesBack(t *testing.T) {
	for _, tc := range []struct {
		name  string
		form  string
		open  func(t *testing.T, d *driver)
		typed string
		saved func(t *testing.T, s model.Store) bool
	}{
		{"a new source", DraftSource, func(t *testing.T, d *driver) {
			d.keys("S", "a", "tab")
		}, "Der Spiegel", func(t *testing.T, s model.Store) bool {
			srcs, _ := s.Sources()
			for _, src := range srcs {
				if src.Publisher == "Der Spiegel" {
					return true
				}
			}
			return false
		}},
		{"a source's changes", DraftSource, func(t *testing.T, d *driver) {
			d.keys("S")
			selectSource(t, d, "wapo")
			d.keys("e", "tab", "tab", "end")
		}, " (mine)", func(t *testing.T, s model.Store) bool {
			src, _ := sourceByID(t, s, "wapo")
			return strings.HasSuffix(src.Title, " (mine)")
		}},
		{"the title", DraftTitle, func(t *testing.T, d *driver) {
			d.keys("I", "end")
		}, ", 2017–2022", func(t *testing.T, s model.Store) bool {
			h, _ := s.Header()
			return strings.HasSuffix(h.Title, ", 2017–2022")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			kept := &keptDrafts{}
			d, opts := browseWithDrafts(t, s, kept, "")
			tc.open(t, d)
			d.typeText(tc.typed)
			d.send(stopMsg{sig: syscall.SIGHUP})
			if !strings.Contains(d.m.discarded, "typed") {
				t.Errorf("the signal closed %q", d.m.discarded)
			}
			if err := leaveDraft(opts, d.m); err != nil {
				t.Fatal(err)
			}
			if !draftKept(opts, d.m, nil) || kept.d == nil || kept.d.Form != tc.form {
				t.Fatalf("kept %+v; want a draft of the %s form", kept.d, tc.form)
			}

			again, opts := browseWithDrafts(t, s, kept, "")
			switch f := again.openDialog().(type) {
			case *sourceForm:
				if _, ok := again.m.top().(*sourcesScreen); !ok {
					t.Errorf("the source's form opened over %T; want the sources screen", again.m.top())
				}
			case *titleDialog:
			default:
				t.Fatalf("dialog %T opened again; status %q", f, again.status())
			}
			if !strings.Contains(again.screen(), strings.TrimSpace(tc.typed)) {
				t.Errorf("the form does not show what was typed:\n%s", again.screen())
			}
			if st := again.status(); !strings.Contains(st, "back as you left it") {
				t.Errorf("status %q; want it to say the form is back", st)
			}
			again.keys("ctrl+s")
			if again.openDialog() != nil {
				t.Fatalf("ctrl+s left the form open; status %q", again.status())
			}
			if !tc.saved(t, s) {
				t.Errorf("not saved; status %q", again.status())
			}
			if kept.d != nil {
				t.Errorf("the draft saved is still kept: %+v", kept.d)
			}
			if err := leaveDraft(opts, again.m); err != nil {
				t.Fatal(err)
			}
			if kept.d != nil {
				t.Errorf("the draft saved was kept again: %+v", kept.d)
			}
		})
	}
}

// TestDraftOfSourceOrTitleMeetsAChange: a draft of a source, or of the
// title, changed the same way since it was typed is saved as the form
// would have saved it then, against what it was: the change meanwhile
// is met as a conflict, shown in the form, not written over; the form
// keeps what was typed, which a second save puts in the other's place,
// and the draft stays kept until then.
func TestDraftOfSourceOrTitleMeetsAChange(t *testing.T) {
	for _, tc := range []struct {
		name      string
		open      func(t *testing.T, d *driver)
		meanwhile func(t *testing.T, s model.Store)
		theirs    func(t *testing.T, s model.Store) bool
		conflict  func(Dialog) bool // showing it, what was typed kept
		mine      func(t *testing.T, s model.Store) bool
	}{
		{"a source", func(t *testing.T, d *driver) {
			d.keys("S")
			selectSource(t, d, "wapo")
			d.keys("e", "tab", "tab", "end")
		}, func(t *testing.T, s model.Store) {
			src, _ := sourceByID(t, s, "wapo")
			base := src
			src.Title = "Theirs"
			if _, _, err := (model.SaveSource{Base: &base, Source: src}).Apply(s); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, s model.Store) bool {
			src, _ := sourceByID(t, s, "wapo")
			return src.Title == "Theirs"
		}, func(d Dialog) bool {
			f, ok := d.(*sourceForm)
			return ok && strings.Contains(f.problem.why, "changed meanwhile") && strings.HasSuffix(f.value(srcTitle), " (mine)")
		}, func(t *testing.T, s model.Store) bool {
			src, _ := sourceByID(t, s, "wapo")
			return strings.HasSuffix(src.Title, " (mine)")
		}},
		{"the title", func(t *testing.T, d *driver) {
			d.keys("I", "end")
		}, func(t *testing.T, s model.Store) {
			h, _ := s.Header()
			h.Title = "Theirs"
			if _, _, err := (model.Retitle{Header: h}).Apply(s); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, s model.Store) bool {
			h, _ := s.Header()
			return h.Title == "Theirs"
		}, func(d Dialog) bool {
			f, ok := d.(*titleDialog)
			return ok && strings.Contains(f.problem.why, "changed meanwhile") && strings.HasSuffix(f.header().Title, " (mine)")
		}, func(t *testing.T, s model.Store) bool {
			h, _ := s.Header()
			return strings.HasSuffix(h.Title, " (mine)")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := exampleStore(t)
			kept := &keptDrafts{}
			d, opts := browseWithDrafts(t, s, kept, "")
			tc.open(t, d)
			d.typeText(" (mine)")
			hangUp(t, d, opts)
			if kept.d == nil {
				t.Fatal("no draft kept")
			}
			tc.meanwhile(t, s)

			again, _ := browseWithDrafts(t, s, kept, "")
			again.keys("ctrl+s")
			if !tc.theirs(t, s) {
				t.Error("the change made meanwhile was written over")
			}
			if !tc.conflict(again.openDialog()) {
				t.Errorf("dialog %T, status %q; want the form showing the conflict", again.openDialog(), again.status())
			}
			if kept.d == nil {
				t.Error("the save refused forgot the draft")
			}
			again.keys("ctrl+s")
			if !tc.mine(t, s) {
				t.Errorf("saved again, what was typed is not in the store; status %q", again.status())
			}
			if kept.d != nil {
				t.Error("the draft is still kept once saved")
			}
		})
	}
}
