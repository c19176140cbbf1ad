package main

import (
	"chrono/model"

	"github.com/spf13/cobra"
)

// queryFlags are the flags that choose events, declared here once so that
// every command that filters spells and checks them alike.
type queryFlags struct {
	tags, statuses, actors []string
	during                 string
}

// queryFilter names the filter flags a command offers.
type queryFilter uint8

// The filter flags.
const (
	byTag queryFilter = 1 << iota
	byStatus
	byActor
	byDuring
)

// register adds the filter flags asked for to cmd.
func (f *queryFlags) register(cmd *cobra.Command, which queryFilter) {
	fs := cmd.Flags()
	if which&byTag != 0 {
		fs.StringArrayVar(&f.tags, "tag", nil, "only events with this tag")
	}
	if which&byStatus != 0 {
		fs.StringArrayVar(&f.statuses, "status", nil, "only events with this status (confirmed, reported, alleged, disputed, denied)")
	}
	if which&byActor != 0 {
		fs.StringArrayVar(&f.actors, "actor", nil, "only events involving this actor")
	}
	if which&byDuring != 0 {
		fs.StringVar(&f.during, "during", "", "only events whose dates overlap this EDTF date")
	}
}

// query is the filter the flags ask for; a status or date chrono cannot
// read is a usage error.
func (f *queryFlags) query() (model.Query, error) {
	q := model.Query{Tags: f.tags, Actors: f.actors}
	for _, st := range f.statuses {
		status, err := model.ParseStatus(st)
		if err != nil {
			return q, usagef("--status: %v", err)
		}
		q.Statuses = append(q.Statuses, status)
	}
	if f.during != "" {
		d, err := model.ParseDate(f.during)
		if err != nil {
			return q, usagef("--during: %v", err)
		}
		q.During = d
	}
	return q, nil
}
