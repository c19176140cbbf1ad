package sshd

import (
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// agentRequest is the session request that asks for the client's SSH
// agent to be forwarded.
const agentRequest = "auth-agent-req@openssh.com"

// noAgentSessions is the session channel handler with agent forwarding
// answered no: the library's own handler says yes to it (and merely
// notes it), and nothing on the server should ever hold a person's agent.
func noAgentSessions(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, noAgentChannel{ch}, ctx)
}

// noAgentChannel is a new session channel whose agent requests are
// refused before the session sees them.
type noAgentChannel struct{ gossh.NewChannel }

// Accept is NewChannel.Accept, its requests filtered.
func (c noAgentChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for req := range reqs {
			if req.Type == agentRequest {
				if req.WantReply {
					req.Reply(false, nil)
				}
				continue
			}
			out <- req
		}
	}()
	return ch, out, nil
}
