package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"frontdesk/demo"
	"frontdesk/lang"
	"frontdesk/store"
)

func initFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Center, "center", "", m.tr(lang.FlagCenter))
	fs.StringVar(&m.TZ, "tz", "", m.tr(lang.FlagTZ))
	fs.Var((*multiFlag)(&m.Venues), "venue", m.tr(lang.FlagVenue))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.NewCenterItsFirstManagerOne))
	fs.StringVar(&m.Code, "code", "", m.tr(lang.FlagCode))
	fs.StringVar(&m.Level, "level", "", m.tr(lang.FlagLevel))
	fs.StringVar(&m.Parent, "parent", "", m.tr(lang.FlagParent))
	fs.BoolVar(&m.NewStaffToken, "new-staff-token", false, m.tr(lang.ReplaceOnlyDailyLogLinkStaff))
	fs.BoolVar(&m.NewSecret, "new-secret", false, m.tr(lang.FlagNewSecret))
}

func (m *Main) runInit(ctx context.Context) error {
	in := store.InitInput{Center: m.Center, TimeZone: m.TZ, Staff: m.Staff}
	if in.Center == "" && m.DB.Settings().Initialized() {
		// An initialised file keeps its name when init only adds to it.
		in.Center = m.DB.Settings().CenterName
	}
	id, err := m.identity(ctx)
	if err != nil {
		return err
	}
	for _, s := range m.Venues {
		v, err := store.ParseVenueSpec(s)
		if err != nil {
			return err
		}
		in.Venues = append(in.Venues, v)
	}
	if m.Staff == "" {
		// Without --staff the machine's administrator acts; a user who is
		// not may still run an init that changes nothing.
		if a, err := m.actor(); err == nil {
			in.Actor = a
		}
	}
	res, err := m.DB.InitChanges(ctx, in)
	if err != nil {
		return m.fieldError(err)
	}
	if id.Set() {
		if err := m.DB.SetIdentity(ctx, id); err != nil {
			return err
		}
	}
	venues, err := m.DB.Venues(ctx, false)
	if err != nil {
		return err
	}
	if m.NewSecret {
		actor, err := m.actor()
		if err != nil {
			return err
		}
		if err := m.DB.RotateSecret(ctx, actor); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, m.tr(lang.SecretReplaced))
	}
	if m.NewStaffToken {
		actor, err := m.actor()
		if err != nil {
			return err
		}
		if err := m.DB.RotateStaffToken(ctx, actor); err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout, m.tr(lang.DailyLogLinkIsNewOld))
	}
	s := m.DB.Settings()
	fmt.Fprintf(m.Stdout, m.tr(lang.CenterTimeZoneVenuesDatabase),
		s.CenterName, s.TimeZone, len(venues), m.DBPath)
	if len(res.VenuesAdded) > 0 {
		fmt.Fprintln(m.Stdout, m.tr(lang.VenuesAdded)+strings.Join(res.VenuesAdded, m.tr(lang.ListSep)))
	}
	if len(res.VenuesUpdated) > 0 {
		fmt.Fprintln(m.Stdout, m.tr(lang.VenuesUpdated)+strings.Join(res.VenuesUpdated, m.tr(lang.ListSep)))
	}
	if res.StaffAdded != "" {
		fmt.Fprintln(m.Stdout, m.tr(lang.FirstManager)+res.StaffAdded)
	}
	if !res.Changed() && !m.NewSecret && !m.NewStaffToken && !id.Set() {
		fmt.Fprintln(m.Stdout, m.tr(lang.NothingToChange))
	}
	if id.Set() {
		fmt.Fprintf(m.Stdout, m.tr(lang.InitIdentity),
			id.Code, store.LabelOf(store.Levels, id.Level).In(m.Lang), orDash(id.Parent))
	}
	return nil
}

// identity is the code, level and parent init was given, over the stored
// ones, so a second run may change one of them alone; the zero Identity when
// init was given none.
func (m *Main) identity(ctx context.Context) (store.Identity, error) {
	if m.Code == "" && m.Level == "" && m.Parent == "" {
		return store.Identity{}, nil
	}
	id, err := m.DB.Identity(ctx)
	if err != nil {
		return id, err
	}
	if m.Code != "" {
		id.Code = m.Code
	}
	if m.Level != "" {
		id.Level = m.Level
	}
	if m.Parent != "" || m.Level == store.LevelCity {
		id.Parent = m.Parent
	}
	return id, id.Validate()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func demoFlags(m *Main, fs *flag.FlagSet) {
	fs.Int64Var(&m.Seed, "seed", 1, m.tr(lang.FlagSeed))
	fs.StringVar(&m.Network, "network", "", m.tr(lang.MakeDemoDistrictInThisFolder))
}

func (m *Main) runDemo(ctx context.Context) error {
	if m.Network != "" {
		return m.runDemoNetwork(ctx)
	}
	sum, err := demo.Generate(ctx, m.DB, m.Seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.DemoDone),
		sum.Visits, sum.Requests, sum.Bookings, sum.From, sum.To, m.DBPath)
	return nil
}

func backupFlags(m *Main, fs *flag.FlagSet) {
	fs.StringVar(&m.Output, "o", "", m.tr(lang.FlagBackupOut))
}

func (m *Main) runBackup(ctx context.Context) error {
	if err := m.DB.Backup(ctx, m.Output); err != nil {
		return err
	}
	ok, err := m.DB.IntegrityCheck(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.BackupDone), m.Output, ok)
	return nil
}

func purgeFlags(m *Main, fs *flag.FlagSet) {
	fs.IntVar(&m.OlderThan, "older-than", 0, m.tr(lang.FlagOlderThan))
	fs.StringVar(&m.Staff, "staff", "", m.tr(lang.ManagerDoingItDefaultDatabaseFile))
}

func (m *Main) runPurge(ctx context.Context) error {
	if m.OlderThan == 0 {
		return fmt.Errorf("%s", m.tr(lang.PurgeNeedsDays))
	}
	actor, err := m.actor()
	if err != nil {
		return err
	}
	res, err := m.DB.Purge(ctx, actor, m.OlderThan)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.PurgeDone),
		res.Visits, res.Visitors, res.Requests, res.Bookings)
	return nil
}

func (m *Main) runVersion(ctx context.Context) error {
	own := fmt.Sprintf("frontdesk %s (schema %d)", version, store.SchemaVersion())
	have, err := store.FileSchemaVersion(m.DBPath)
	switch {
	case errors.Is(err, os.ErrNotExist) && !m.set["db"] && os.Getenv("FRONTDESK_DB") == "":
		fmt.Fprintln(m.Stdout, own) // no file asked for and none here: the binary alone
		return nil
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(m.Stdout, "%s\n", own)
		return fmt.Errorf("%s", m.tr(lang.VersionNoFile.Format(m.DBPath)))
	case err != nil:
		fmt.Fprintf(m.Stdout, "%s\n", own)
		return err
	}
	fmt.Fprintf(m.Stdout, "%s; %s\n", own, m.tr(lang.VersionOfFile.Format(m.DBPath, have)))
	if have > store.SchemaVersion() {
		return fmt.Errorf("%s", m.tr(lang.VersionFileNewer.Format(m.DBPath, have, store.SchemaVersion())))
	}
	return nil
}

// runDemoNetwork makes the demo district, a file per center.
func (m *Main) runDemoNetwork(ctx context.Context) error {
	centers, err := demo.GenerateNetwork(ctx, m.Network, m.Seed)
	if err != nil {
		return err
	}
	for _, c := range centers {
		fmt.Fprintf(m.Stdout, "%-12s %-9s %-9s %s  %s\n", c.Code, c.Level, orDash(c.Parent), c.Path, c.Name)
	}
	fmt.Fprintf(m.Stdout, m.tr(lang.DemoNetworkMadeCentersInRun), len(centers), m.Network)
	return nil
}
