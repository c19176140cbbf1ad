package main

import (
	"runtime/debug"
	"strings"
)

// version is chrono's version for --version: the module's version and the
// revision it was built from, as the build recorded them.
func version() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(info)
}

// versionOf says a build's version: the module version, then, when the
// build was made from a checkout, the revision (12 digits), its time, and
// whether the tree had changes. "(devel)" is what go build gives a module
// built in its own directory.
func versionOf(info *debug.BuildInfo) string {
	if info == nil {
		return "unknown"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var vcs []string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			vcs = append(vcs, s.Value[:min(len(s.Value), 12)])
		case s.Key == "vcs.time":
			vcs = append(vcs, s.Value)
		case s.Key == "vcs.modified" && s.Value == "true":
			vcs = append(vcs, "modified")
		}
	}
	if len(vcs) > 0 {
		v += " (" + strings.Join(vcs, ", ") + ")"
	}
	return v
}
