package sshd

import (
	"testing"
)

// TestAgentForwardingIsRefused: a client asking for its agent to be
// forwarded is answered no, and its session goes on without it.
func TestAgentForwardingIsRefused(t *testing.T) {
	key, line := newKey(t)
	sv := serve(t, usersLine("ana", "admin", line), DefaultLimits())
	sess, err := sv.connect(key).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	ok, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Fatal("agent forwarding was granted")
	}
	out, err := sess.Output("list")
	if err != nil || string(out) != "ran list on nso\n" {
		t.Errorf("the session after the refusal: %q, %v", out, err)
	}
}
