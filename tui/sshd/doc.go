// Package sshd serves chrono's browser over SSH, to the people a users
// file lists by their public keys, each with a role (read, annotate,
// edit, admin) that the browser enforces. It runs no shell and no
// program: a session is the browser, or one of the read-only commands
// the server's caller runs for it (list, show, export); no port or agent
// forwarding, no subsystem (SFTP), no password.
//
// It lives under tui because it serves the browser: it builds on the
// tui package's Session and knows nothing of how a store is kept (the
// caller opens stores), keeping imports pointing one way.
package sshd
