package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// TestKeysPressedWhileAChangeIsReadAgainCount: another session's change
// reads the window again; a key pressed before the new window arrives
// still moves the cursor, rather than the cursor going back to where it
// was when the change came.
func TestKeysPressedWhileAChangeIsReadAgainCount(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 30)
	first := d.selected()
	// What a new version of the store leads to: the window asked again.
	_, reread := d.m.Update(storeChangedMsg{})
	d.keys("j")
	moved := d.selected()
	if moved == first {
		t.Fatal("j did not move the cursor")
	}
	d.run(reread)
	if got := d.selected(); got != moved {
		t.Errorf("the window read again put the cursor on %q; j had moved it to %q", got, moved)
	}
}

// held runs cmd and keeps the messages it brings, as commands still on
// their way would: a test hands them to Update later, with send.
func (d *driver) held(cmd tea.Cmd) []tea.Msg {
	d.t.Helper()
	var msgs []tea.Msg
	runCmds(d.t, func(msg tea.Msg) (tea.Cmd, bool) {
		msgs = append(msgs, msg)
		return nil, false
	}, cmd)
	return msgs
}

// TestAJumpAskedBeforeAChangeIsNoticedLands: the key that jumps also has
// the browser ask whether the store changed, and a change made elsewhere
// meanwhile (or the browser's own write, seen at the next key) is noticed
// before the jump's window comes. The jump still lands, on the window as
// the store has it after the change, not on the one read before it.
func TestAJumpAskedBeforeAChangeIsNoticedLands(t *testing.T) {
	for _, k := range []string{"G", "end", "g", "home", "]"} {
		t.Run(k, func(t *testing.T) {
			s := exampleStore(t)
			d := newDriver(t, s, 120, 30)
			d.send(versionMsg{version: "0"}) // the version the browser starts from
			if k == "g" || k == "home" {
				d.keys("j", "j", "j")
			}
			from := d.selected()
			want, retitled := "post-publishes", "The Washington Post publishes"
			switch k {
			case "g", "home":
				want, retitled = "nso-mobileum-call", "NSO offers Mobileum"
			case "]":
				want, retitled = "khashoggi-killed", "Jamal Khashoggi"
			}
			_, jumped := d.m.Update(keyPress(k))
			late := d.held(jumped)
			// The change lands after the jump read the store, and is
			// noticed before its window comes.
			if _, err := s.Write(model.OpEdit, "elsewhere", func(tx model.Tx) error {
				e, err := tx.Event(want)
				if err != nil {
					return err
				}
				e.Title += " (checked)"
				return tx.PutEvent(e)
			}); err != nil {
				t.Fatal(err)
			}
			d.send(versionMsg{version: "1"})
			for _, msg := range late {
				d.send(msg)
			}
			if got := d.selected(); got != want {
				t.Fatalf("%s from %s selected %s; want %s:\n%s", k, from, got, want, d.screen())
			}
			if !strings.Contains(d.screen(), retitled) || !strings.Contains(d.screen(), "(checked)") {
				t.Errorf("%s shows the window read before the change:\n%s", k, d.screen())
			}
		})
	}
}

// TestAJumpWhileAChangeIsReadAgainLands: a jump asked while the window
// is read again for a change lands, whichever of the two windows comes
// first.
func TestAJumpWhileAChangeIsReadAgainLands(t *testing.T) {
	for _, k := range []string{"G", "g"} {
		for _, jumpFirst := range []bool{true, false} {
			d := newDriver(t, exampleStore(t), 120, 30)
			want := "post-publishes"
			if k == "g" {
				d.keys("j", "j", "j")
				want = "nso-mobileum-call"
			}
			_, reread := d.m.Update(storeChangedMsg{})
			_, jumped := d.m.Update(keyPress(k))
			if jumpFirst {
				d.run(jumped)
				d.run(reread)
			} else {
				d.run(reread)
				d.run(jumped)
			}
			if got := d.selected(); got != want {
				t.Errorf("%s, its window first %v: selected %s; want %s", k, jumpFirst, got, want)
			}
		}
	}
}

// TestASearchStepAskedBeforeAChangeIsNoticedLands: n, like the other
// jumps, still goes to the next match when a change is noticed before
// the match comes, and the search does not stay "searching…".
func TestASearchStepAskedBeforeAChangeIsNoticedLands(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 30)
	d.keys("/")
	d.typeText("Mobileum")
	d.keys("enter")
	first := d.selected()
	_, found := d.m.Update(keyPress("n"))
	late := d.held(found)
	d.send(storeChangedMsg{})
	for _, msg := range late {
		d.send(msg)
	}
	if d.selected() == first {
		t.Errorf("n after a change stayed on %s", first)
	}
	if strings.Contains(d.screen(), "searching…") {
		t.Errorf("the search still says it is searching:\n%s", d.screen())
	}
}
