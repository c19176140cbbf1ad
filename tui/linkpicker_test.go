package tui

import (
	"strings"
	"testing"
)

func TestLinkPickerLinks(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("L")
	d.typeText("denies")
	if !strings.Contains(d.screen(), "NSO denies doing business") {
		t.Fatalf("the candidates do not hold the denial:\n%s", d.screen())
	}
	d.keys("tab") // disputes → disputed by
	a, ok := formAction(t, d, "enter").(linkEvents)
	if !ok || a != (linkEvents{from: "nso-mobileum-call", rel: "disputed-by", to: "nso-denial"}) {
		t.Errorf("enter: %+v", a)
	}
}

func TestRemoveLinkFromEitherSide(t *testing.T) {
	d := newDriver(t, exampleStore(t), 120, 40)
	d.keys("tab", "j", "j", "j") // the first link, the event's own
	d.keys("x")
	if want := `not saved: unlink "nso-mobileum-call" disputed by "nso-denial"`; d.status() != want {
		t.Errorf("x on an own link: %q, want %q", d.status(), want)
	}
	d.keys("j", "x") // a link the FBI tip makes to this event
	if want := `not saved: unlink "fbi-tip" follows "nso-mobileum-call"`; d.status() != want {
		t.Errorf("x on a link made to the event: %q, want %q", d.status(), want)
	}
}
