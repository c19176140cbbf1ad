package main

import (
	"time"

	"chrono/model"

	"github.com/spf13/cobra"
)

// tzFlag is --tz: where times written with an offset are shown.
type tzFlag struct{ name string }

// register adds --tz to cmd.
func (f *tzFlag) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.name, "tz", "written", "show times with an offset as written, in utc, or in your local zone (written|utc|local); times without one are local where they happened, never converted")
}

// zone is the zone --tz names, in this machine's zone for local.
func (f *tzFlag) zone() (model.Zone, error) {
	z, err := model.ParseZone(f.name, time.Local)
	if err != nil {
		return z, usagef("--tz: %v", err)
	}
	return z, nil
}
