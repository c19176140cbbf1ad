package sshd

import (
	"strconv"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// subsystemName is the name a subsystem request's payload asks for, ""
// when it holds none.
func subsystemName(payload []byte) string {
	var p struct{ Value string }
	if gossh.Unmarshal(payload, &p) != nil {
		return ""
	}
	return p.Value
}

// agentRequest is the session request that asks for the client's SSH
// agent to be forwarded.
const agentRequest = "auth-agent-req@openssh.com"

// noAgentSessions is the session channel handler with agent forwarding
// answered no: the library's own handler says yes to it (and merely
// notes it), and nothing on the server should ever hold a person's agent.
// The agent and the subsystems (SFTP) asked for are logged, refused.
func (s *Server) noAgentSessions(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, noAgentChannel{ch, func(what string) { s.logRefused(ctx, what) }}, ctx)
}

// refusedChannel refuses a channel of a kind not served (a port forward),
// logging it.
func (s *Server) refusedChannel(what string) ssh.ChannelHandler {
	return func(_ *ssh.Server, _ *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
		s.logRefused(ctx, what)
		ch.Reject(gossh.Prohibited, "chrono serves no "+what)
	}
}

// refusedRequest refuses a connection's request of a kind not served (a
// remote port forward), logging it.
func (s *Server) refusedRequest(what string) ssh.RequestHandler {
	return func(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
		s.logRefused(ctx, what)
		return false, nil
	}
}

// logRefused logs that the person of ctx asked for what, and was refused.
func (s *Server) logRefused(ctx ssh.Context, what string) {
	who := strconv.Quote(ctx.User())
	if key, ok := ctx.Value(ssh.ContextKeyPublicKey).(ssh.PublicKey); ok {
		if user, known := s.currentUsers().Known(key); known {
			who = user
		}
	}
	s.logf("%s refused: %s", who, what)
}

// noAgentChannel is a new session channel whose agent requests are
// refused before the session sees them; refused says what was.
type noAgentChannel struct {
	gossh.NewChannel
	refused func(what string)
}

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
			switch req.Type {
			case agentRequest:
				c.refused("agent forwarding")
				if req.WantReply {
					req.Reply(false, nil)
				}
				continue
			case "subsystem":
				// No subsystem is served: the session refuses it.
				c.refused("the subsystem " + strconv.Quote(subsystemName(req.Payload)))
			}
			out <- req
		}
	}()
	return ch, out, nil
}
